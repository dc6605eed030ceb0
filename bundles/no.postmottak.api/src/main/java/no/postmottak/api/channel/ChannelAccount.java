package no.postmottak.api.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One account or endpoint of a channel (for example one SvarInn mottakersystem), registered as a service by the
 * channel's bundle so that the administration page can show its status and start a poll. Channels implement it and
 * the web consumes it, hence {@link ConsumerType}.
 * <p>
 * Implementations must be thread-safe and cheap: {@link #status()} is called on every view of the administration
 * page. Neither method may reveal a secret (password, key material), not even in an exception.
 *
 * @since 1.0.0
 */
@ConsumerType
public interface ChannelAccount {

    /**
     * The account's current status.
     *
     * @return a snapshot, never null
     * @throws RuntimeException when the status cannot be read; the page then shows the account as an error line
     */
    ChannelStatus status();

    /**
     * Asks the account to poll as soon as possible (after a poll already running) and returns at once; the result
     * shows in later {@link #status()} snapshots. Also resumes an account that stopped polling after an
     * authentication failure.
     *
     * @return {@code true} when a poll was scheduled; {@code false} when this account cannot poll at all (for
     *         example because its configuration was refused), in which case {@link #status()} says why
     */
    boolean pollNow();
}
