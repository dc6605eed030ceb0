package no.postmottak.svarinn.internal;

import no.postmottak.api.channel.ChannelAccount;

/**
 * One configured SvarInn account. As a {@link ChannelAccount} the administration page shows it; the shell commands
 * also read its detailed {@link AccountStatus} and retry single items.
 */
public interface SvarInnAccount extends ChannelAccount {

    String name();

    /** The detailed status, with the failed items. */
    AccountStatus accountStatus();

    /** Forgets an item's failed attempts and polls now. */
    void retry(String forsendelseId);
}
