package no.postmottak.eformidling.simulator;

/**
 * A snapshot of one message in the simulated integrasjonspunkt.
 *
 * @param messageId         the message id
 * @param serviceIdentifier its service
 * @param receiverOrgnr     the receiving organisation
 * @param status            the IP's status: INNKOMMENDE_MOTTATT while it waits, INNKOMMENDE_LEVERT once deleted
 * @param locked            whether a lock holds it now
 * @param peeks             how often it was peeked
 * @param pops              how often it was popped (successfully)
 * @param deleted           whether it was deleted (delivered)
 * @since 1.0.0
 */
public record MessageState(String messageId, String serviceIdentifier, String receiverOrgnr, String status,
                           boolean locked, int peeks, int pops, boolean deleted) {
}
