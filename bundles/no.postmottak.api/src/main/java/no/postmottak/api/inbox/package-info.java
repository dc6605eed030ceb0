/**
 * The Mottak inbox: channels hand received items to it ({@link no.postmottak.api.inbox.Inbox#accept}) and clerks
 * work from it (queries and the archive, delete and forward actions). Implemented by the inbox service bundle only.
 */
@Export
@Version("1.1.0")
package no.postmottak.api.inbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
