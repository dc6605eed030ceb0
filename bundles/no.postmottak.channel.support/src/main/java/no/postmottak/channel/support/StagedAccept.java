package no.postmottak.channel.support;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.MDC;

import no.postmottak.api.IncomingItem;
import no.postmottak.api.inbox.AcceptResult;
import no.postmottak.api.inbox.Inbox;
import no.postmottak.api.inbox.InboxException;
import no.postmottak.api.inbox.IncomingDocuments;

/**
 * {@link Inbox#accept} with its two stages overlapped: the caller's thread reads the item (download, decrypt, unzip,
 * verify: whatever {@code documents} does when read) while a storing thread runs the inbox's transaction, with a
 * bounded buffer between them ({@code bufferChunks} × {@code chunkBytes}, whatever the item's size). A large item then
 * costs about the slower stage, not the sum of both.
 * <p>
 * The guarantees of a plain {@code accept} hold: it returns only when the inbox has committed; when reading fails, the
 * inbox's transaction fails before it commits and the reading side's own exception is thrown (so callers classify it
 * as before); when storing fails, reading stops at once and the inbox's exception is thrown. Each call is one item;
 * calls from several threads (several items in flight) each get their own storing thread. Storing threads are
 * daemons that end after a minute without work, so nothing needs closing. Thread-safe.
 */
public final class StagedAccept {

    /** 16 × 256 KiB = 4 MiB per item in flight: enough to ride out a slow commit or a stalled download. */
    public static final int DEFAULT_BUFFER_CHUNKS = 16;
    public static final int DEFAULT_CHUNK_BYTES = 256 * 1024;

    private final int bufferChunks;
    private final int chunkBytes;
    private final ThreadPoolExecutor storers;
    /** Buffers kept between items, so that small items do not allocate fresh ones each time (less GC work). */
    private final ArrayBlockingQueue<byte[]> spare;

    /** With the default buffer; {@code name} names the storing threads ({@code name-store-N}). */
    public StagedAccept(String name) {
        this(name, DEFAULT_BUFFER_CHUNKS, DEFAULT_CHUNK_BYTES);
    }

    public StagedAccept(String name, int bufferChunks, int chunkBytes) {
        this.bufferChunks = bufferChunks;
        this.chunkBytes = chunkBytes;
        this.spare = new ArrayBlockingQueue<>(2 * (bufferChunks + 1));
        AtomicInteger n = new AtomicInteger();
        // One thread per item being stored; their number is bounded by the callers (the items in flight).
        this.storers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-store-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Stores {@code item} with the documents {@code documents} yields, reading them on this thread and storing on
     * another. Throws what reading threw (an {@link IOException}, including the channel's content and decryption
     * exceptions, or a runtime exception) or what the inbox threw.
     */
    public AcceptResult accept(Inbox inbox, IncomingItem item, IncomingDocuments documents)
            throws IOException, InboxException {
        ChunkPipe pipe = new ChunkPipe(bufferChunks, chunkBytes, spare);
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Future<AcceptResult> stored = storers.submit(() -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            setMdc(mdc);
            try {
                return inbox.accept(item, pipe.documents());
            } finally {
                pipe.consumerDone();
                setMdc(before);
            }
        });
        Throwable readFailure = null;
        try {
            pipe.produce(documents);
        } catch (ChunkPipe.ConsumerGone e) {
            // the inbox finished without reading everything (already stored) or failed: its result tells
        } catch (IOException | RuntimeException | Error e) {
            readFailure = e;
            pipe.fail(e);
        }
        AcceptResult result;
        try {
            result = awaitStored(stored, pipe);
        } catch (InboxException | RuntimeException e) {
            if (readFailure != null) {
                rethrow(readFailure, e);
            }
            throw e;
        } finally {
            pipe.release();
        }
        if (readFailure != null && !result.alreadyStored()) {
            // Cannot happen: the inbox commits only after the end mark, which a failed read never sends.
            throw new IllegalStateException("Elementet ble lagret selv om lesingen feilet", readFailure);
        }
        return result;
    }

    private static AcceptResult awaitStored(Future<AcceptResult> stored, ChunkPipe pipe)
            throws InboxException, InterruptedIOException {
        try {
            return stored.get();
        } catch (InterruptedException e) {
            // Stopping past the grace period: abandon the transaction (nothing is acknowledged, it comes again).
            pipe.fail(e);
            stored.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Avbrutt mens elementet ble lagret");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InboxException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The inbox's failure is only the echo of the read failure (its cause): the read failure is what happened. */
    private static void rethrow(Throwable readFailure, Exception storeFailure) throws IOException {
        if (readFailure instanceof IOException io) {
            throw io;
        }
        if (readFailure instanceof RuntimeException re) {
            throw re;
        }
        throw (Error) readFailure;
    }

    private static void setMdc(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    /** How many buffers are kept for the next items: for tests. */
    int spareBuffers() {
        return spare.size();
    }

    /** Stops the idle storing threads at once (they would end by themselves after a minute). */
    public void close() {
        storers.shutdown();
    }
}
