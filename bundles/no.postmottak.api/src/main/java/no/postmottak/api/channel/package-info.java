/**
 * The administration view of the channels Postmottak receives through (SvarInn accounts, eFormidling endpoints):
 * each channel registers one {@link no.postmottak.api.channel.ChannelAccount} service per account, and the
 * administration page shows its {@link no.postmottak.api.channel.ChannelStatus} and can ask it to poll now.
 * <p>
 * 1.1.0: the status carries what monitoring needs (poll interval, last successful poll, backlog, counters).
 *
 * @since 1.0.0
 */
@Export
@Version("1.1.0")
package no.postmottak.api.channel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
