/**
 * The Mottak inbox: channels hand received items to it ({@link no.postmottak.api.inbox.Inbox#accept}) and clerks
 * work from it (queries and the archive, delete and forward actions). Implemented by the inbox service bundle only.
 * <p>
 * 2.0.0: the receipt is {@link no.postmottak.api.ArchiveReceipt}; an organisation names its archive target
 * ({@link no.postmottak.api.inbox.OrganisationView#archiveTarget()}), and the administrator sees every organisation
 * and archive target ({@link no.postmottak.api.inbox.Inbox#organisations()},
 * {@link no.postmottak.api.inbox.Inbox#archiveTargets()}).
 * <p>
 * 2.1.0: {@link no.postmottak.api.inbox.ArchiveCallListener}, told of every archive provider call (monitoring).
 * Also confidential items: {@link no.postmottak.api.inbox.Inbox#auditAccess} records who looked at one, and
 * {@link no.postmottak.api.inbox.InboxQuery#confidentialOrgnrs()} keeps the text filter from matching the ones a
 * user may not read.
 * <p>
 * 2.2.0: {@link no.postmottak.api.inbox.ItemOutcomes}: the durable record of what became of items, for channels that
 * tell the sender (receipts).
 * <p>
 * 2.3.0 (several nodes on one database): {@link no.postmottak.api.inbox.FailedAttempts}, the channels' failed
 * attempts per upstream item, and {@link no.postmottak.api.inbox.WebSessions}, the web's sessions and login limit.
 */
@Export
@Version("2.5.0")
package no.postmottak.api.inbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
