package no.postmottak.svarinn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.postmottak.api.Channel;
import no.postmottak.api.IncomingItem;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.ContentMismatchException;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.keystore.DecryptionException;
import no.postmottak.api.keystore.KeyStoreService;
import no.postmottak.api.keystore.NoKeyForRecipientException;
import no.postmottak.channel.support.ContentException;
import no.postmottak.channel.support.CountingInputStream;
import no.postmottak.channel.support.FailureCounts;
import no.postmottak.channel.support.StagedAccept;
import no.postmottak.svarinn.internal.ItemResult.Outcome;
import no.postmottak.svarinn.internal.SvarInnApi.Download;

/**
 * Receives one forsendelse: download, decrypt, unpack, verify, store in the inbox, and only then acknowledge. What
 * cannot be received is reported to SvarUt as the {@link FailurePolicy} says. The same for both API versions: only
 * the {@link SvarInnApi} differs. Failures that concern the whole account
 * (SvarInn down, wrong password, inbox storage down) are thrown, so the poller stops this round.
 */
public final class ForsendelseReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(ForsendelseReceiver.class);
    private static final String UNDECRYPTABLE = "Forsendelsen kunne ikke dekrypteres: innholdet er skadet eller avkortet";

    private final String account;
    private final SvarInnApi client;
    private final KeyStoreService keyStore;
    private final Inbox inbox;
    private final ForsendelseMapper mapper;
    private final PayloadReader.Limits limits;
    private final boolean strictHashes;
    private final FailurePolicy policy;
    private final Set<String> refusedTypes;
    private final FailureCounts attempts;
    /** Reading (download, decrypt, unzip, verify) on the receiving thread, the database writes beside it. */
    private final StagedAccept staged;
    /** Where downloaded bytes are counted (the account's monitoring); set once by the poller. */
    private volatile LongConsumer downloaded = bytes -> { };

    /** Failed attempts counted in this process only (tests, one-off tools). */
    public ForsendelseReceiver(String account, SvarInnApi client, KeyStoreService keyStore, Inbox inbox,
                               ForsendelseMapper mapper, PayloadReader.Limits limits, boolean strictHashes,
                               FailurePolicy policy, Set<String> refusedTypes) {
        this(account, client, keyStore, inbox, mapper, limits, strictHashes, policy, refusedTypes,
                FailureCounts.inMemory());
    }

    /** @param attempts the failed attempts per forsendelse, in the inbox's database in a real installation */
    public ForsendelseReceiver(String account, SvarInnApi client, KeyStoreService keyStore, Inbox inbox,
                               ForsendelseMapper mapper, PayloadReader.Limits limits, boolean strictHashes,
                               FailurePolicy policy, Set<String> refusedTypes, FailureCounts attempts) {
        this.attempts = attempts;
        this.account = account;
        this.client = client;
        this.keyStore = keyStore;
        this.inbox = inbox;
        this.mapper = mapper;
        this.limits = limits;
        this.strictHashes = strictHashes;
        this.policy = policy;
        this.refusedTypes = Set.copyOf(refusedTypes);
        this.staged = new StagedAccept("svarinn-" + account);
    }

    /** Counts the bytes of every download, whole or broken off, into {@code counter}. */
    void countDownloadsInto(LongConsumer counter) {
        this.downloaded = counter;
    }

    /** Forgets earlier failed attempts, e.g. when an operator retries by hand. */
    public void resetAttempts(String forsendelseId) {
        try {
            attempts.reset(forsendelseId);
        } catch (InboxException e) {
            throw new IllegalStateException("Kunne ikke nullstille forsøkene for forsendelsen " + forsendelseId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Which of a page's forsendelser are stored already: one question to the inbox per page (issue 17). */
    public Set<String> storedAmong(List<Offered> page) throws InboxException {
        return inbox.storedAmong(Channel.SVARINN, page.stream().map(Offered::id)
                .filter(id -> id != null && !id.isBlank()).toList());
    }

    /** @param stored whether the inbox has it already ({@link #storedAmong}, asked for its page) */
    public ItemResult receive(Offered f, boolean stored) throws SvarInnException, InboxException {
        String id = f.id();
        if (stored) {
            // Stored before, but the acknowledgement did not reach SvarUt (or it was lost): say it again.
            client.acknowledge(id);
            return new ItemResult(id, Outcome.ALREADY_STORED, "Allerede lagret; kvittert på nytt");
        }
        if (f.type() != null && refusedTypes.contains(f.type())) {
            return cannotReceive(f, "Mottakersystemet tar ikke imot forsendelsestypen " + f.type(),
                    policy.permanentAfterAttempts() > 0);
        }
        IncomingItem item;
        try {
            item = mapper.toIncomingItem(f);
        } catch (IllegalArgumentException e) {
            return cannotReceive(f, e.getMessage(), false);
        }
        if (f.downloadUrl() == null || f.downloadUrl().isBlank()) {
            return cannotReceive(f, "Forsendelsen mangler nedlastingslenke", false);
        }
        List<String> warnings = new ArrayList<>();
        try {
            store(f, item, warnings);
        } catch (NoKeyForRecipientException e) {
            return noKey(id, e);
        } catch (ContentException e) {
            return cannotReceive(f, e.getMessage(), false);
        } catch (DecryptionException e) {
            return cannotReceive(f, UNDECRYPTABLE, false);
        } catch (SvarInnException e) {
            if (e.kind() == SvarInnException.Kind.REJECTED) {
                // e.g. 404: acknowledged meanwhile by someone else, or withdrawn. It comes back if it still waits.
                LOG.warn("[{}] Download of forsendelse {} refused: {}", account, id, e.getMessage());
                return new ItemResult(id, Outcome.WILL_RETRY, e.getMessage());
            }
            throw e;
        } catch (ContentMismatchException e) {
            // the inbox compared the sender's size or SHA-256 (strict policy) and refused the document
            return cannotReceive(f, e.getMessage(), false);
        } catch (InboxException e) {
            Throwable content = contentCause(e);
            if (content instanceof NoKeyForRecipientException noKey) {
                return noKey(id, noKey);
            }
            if (content instanceof ContentException) {
                return cannotReceive(f, content.getMessage(), false);
            }
            if (content instanceof DecryptionException) {
                return cannotReceive(f, UNDECRYPTABLE, false);
            }
            if (e.isRetryable()) {
                throw e;
            }
            LOG.error("[{}] The inbox refused forsendelse {}: {}", account, id, e.getMessage());
            return new ItemResult(id, Outcome.WILL_RETRY, e.getMessage());
        } catch (IOException e) {
            // The connection broke mid-download: nothing was stored, the item waits in SvarUt.
            LOG.warn("[{}] Download of forsendelse {} broke off: {}", account, id, e.getMessage());
            return new ItemResult(id, Outcome.WILL_RETRY, "Nedlastingen ble avbrutt: " + e.getMessage());
        }
        attempts.succeeded(id);
        warnings.forEach(w -> LOG.warn("[{}] Forsendelse {} received with a warning: {}", account, id, w));
        try {
            client.acknowledge(id);
        } catch (SvarInnException e) {
            // Stored durably; the next poll sees it again and acknowledges it then.
            LOG.warn("[{}] Forsendelse {} is stored but the acknowledgement failed ({}); it is acknowledged again"
                    + " at the next poll", account, id, e.getMessage());
        }
        return new ItemResult(id, Outcome.RECEIVED, warnings.isEmpty() ? null : String.join("; ", warnings));
    }

    private void store(Offered f, IncomingItem item, List<String> warnings) throws IOException, InboxException {
        Download download = client.download(f.downloadUrl());
        try (InputStream body = download.body()) {
            CountingInputStream encrypted = new CountingInputStream(body);
            try (InputStream plain = keyStore.decrypt(encrypted)) {
                PayloadReader reader = new PayloadReader(limits, strictHashes, warnings::add);
                staged.accept(inbox, item, reader.documents(plain, f.filer()));
            } finally {
                downloaded.accept(encrypted.count());
            }
        }
    }

    /** Our configuration lacks the key: never acknowledged, never reported to the sender, loud for operators. */
    private ItemResult noKey(String id, NoKeyForRecipientException e) {
        LOG.error("[{}] Forsendelse {} is encrypted to a certificate we hold no key for: {}. Not acknowledged;"
                + " configure the matching key (postmottak:key-list).", account, id, e.recipient());
        return new ItemResult(id, Outcome.NO_KEY, e.getMessage());
    }

    /** Counts the attempt and tells SvarUt, temporary until the policy says permanent. */
    private ItemResult cannotReceive(Offered f, String reason, boolean permanentNow)
            throws SvarInnException, InboxException {
        String id = f.id();
        int attempt = attempts.failed(id);
        boolean permanent = permanentNow || policy.isPermanent(attempt);
        String feilmelding = "Postmottak kunne ikke ta imot forsendelsen: " + reason;
        LOG.warn("[{}] Forsendelse {} could not be received (attempt {}, {}): {}", account, id, attempt,
                permanent ? "reported as permanent" : "will retry", reason);
        if (permanent || policy.reportTemporary()) {
            client.reportFailure(id, feilmelding, permanent);
        }
        if (permanent) {
            attempts.reset(id);
            return new ItemResult(id, Outcome.REPORTED_PERMANENT, reason);
        }
        return new ItemResult(id, policy.reportTemporary() ? Outcome.REPORTED_TEMPORARY : Outcome.WILL_RETRY, reason);
    }

    private static Throwable contentCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ContentException || t instanceof DecryptionException) {
                return t;
            }
        }
        return null;
    }
}
