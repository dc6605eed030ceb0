package no.postmottak.svarinn.internal;

/** One configured SvarInn account, as the shell commands see it. */
public interface SvarInnAccount {

    String name();

    AccountStatus status();

    /** Polls as soon as possible. */
    void pollNow();

    /** Forgets an item's failed attempts and polls now. */
    void retry(String forsendelseId);
}
