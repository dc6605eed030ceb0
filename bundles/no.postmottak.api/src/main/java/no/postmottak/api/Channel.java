package no.postmottak.api;

/** The transport an item arrived through. Together with the channel's own id it identifies an item for ever. */
public enum Channel {
    /** KS SvarUt, fetched through the SvarInn API; the channel id is the forsendelse id. */
    SVARINN,
    /** Digdir eFormidling through the local integrasjonspunkt; the channel id is the message id. */
    EFORMIDLING
}
