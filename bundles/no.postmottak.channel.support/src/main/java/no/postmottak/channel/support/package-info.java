/**
 * What every channel bundle (SvarInn, eFormidling) needs the same way, so that it is written once:
 * <ul>
 * <li>{@link no.postmottak.channel.support.PollLoop}: one account's polls on its own thread, never overlapping,
 * with back-off, "poll now", a cluster lease and a clean stop; {@link no.postmottak.channel.support.PollAlerts}
 * turns its state into the administration page's {@link no.postmottak.api.channel.ChannelStatus} and the alerts
 * every channel shares;</li>
 * <li>safe reading of what senders send: {@link no.postmottak.channel.support.ByteBudget} against zip bombs,
 * {@link no.postmottak.channel.support.VerifyingInputStream} (size, SHA-256, budget),
 * {@link no.postmottak.channel.support.ZipNames} (file names that cannot escape a folder, in whatever encoding the
 * sender's zip library used), {@link no.postmottak.channel.support.MediaTypes};</li>
 * <li>{@link no.postmottak.channel.support.ConfigNames}: the name operators know a factory configuration by;</li>
 * <li>{@link no.postmottak.channel.support.ItemLog}: the MDC keys (channel, account, item) around per-item work;</li>
 * <li>{@link no.postmottak.channel.support.StagedAccept}: an item's reading and storing overlapped on two threads,
 * with a bounded buffer between them;</li>
 * <li>{@link no.postmottak.channel.support.HttpDownload}: content downloads that allocate nothing per byte.</li>
 * </ul>
 * Plain Java without OSGi services: channel bundles build these objects in their own components.
 *
 * @since 1.0.0 (monitoring in PollLoop and ItemLog since 1.1.0; StagedAccept, InFlight, FailureCounts and the lease's
 *        TTL and local validity since 1.2.0; HttpSupport.send since 1.3.0; HttpDownload since 1.4.0)
 */
@Export
@Version("1.4.0")
package no.postmottak.channel.support;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
