package no.postmottak.svarinn.simulator;

import java.time.Instant;

/**
 * One mottakFeilet report received by the simulator.
 *
 * @param feilmelding    the receiver's message
 * @param permanent      whether the receiver said it will never take the forsendelse
 * @param tidspunkt      when it was received
 * @param mottakersystem user name of the reporting mottakersystem
 * @since 1.0.0
 */
public record MottakFeilet(String feilmelding, boolean permanent, Instant tidspunkt, String mottakersystem) {
}
