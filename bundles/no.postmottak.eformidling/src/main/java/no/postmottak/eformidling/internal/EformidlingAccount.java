package no.postmottak.eformidling.internal;

import no.postmottak.api.channel.ChannelAccount;

/**
 * One configured integrasjonspunkt. As a {@link ChannelAccount} the administration page shows it; the shell commands
 * also read its detailed {@link AccountStatus}.
 */
public interface EformidlingAccount extends ChannelAccount {

    String name();

    /** The detailed status, with the failed messages. */
    AccountStatus accountStatus();
}
