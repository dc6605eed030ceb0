package no.postmottak.svarinn.internal;

import no.postmottak.api.channel.ChannelAccount;

/**
 * One configured SvarInn account. As a {@link ChannelAccount} the administration page shows it; the shell commands
 * also read its detailed {@link AccountStatus} and retry single items.
 */
public interface SvarInnAccount extends ChannelAccount {

    String name();

    /** The SvarInn API version the account speaks: {@code v1} or {@code v2}. */
    String apiVersion();

    /** The detailed status, with the failed items. */
    AccountStatus accountStatus();

    /** Forgets an item's failed attempts and polls now. */
    void retry(String forsendelseId);
}
