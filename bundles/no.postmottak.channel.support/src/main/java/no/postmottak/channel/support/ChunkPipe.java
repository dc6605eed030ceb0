package no.postmottak.channel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import no.postmottak.api.DocumentDescriptor;
import no.postmottak.api.inbox.IncomingDocument;
import no.postmottak.api.inbox.IncomingDocuments;

/**
 * The bounded buffer between the reading side (download, decrypt, unzip, verify) and the storing side (the inbox's
 * database writes) of one item. It holds at most {@code capacity} chunks of at most {@code chunkBytes} each, whatever
 * the item's size; buffers are recycled. A failure on either side closes it: the other side then gets an
 * {@link IOException} at its next call instead of waiting. One producer thread, one consumer thread.
 */
final class ChunkPipe {

    /** The consumer gave up (its transaction failed or it needed no more): the producer stops. */
    static final class ConsumerGone extends IOException {
        private static final long serialVersionUID = 1L;

        ConsumerGone() {
            super("Lagringen av elementet er avsluttet");
        }
    }

    /** What the producer hands over, in order. */
    private sealed interface Segment permits Start, Data, End {
    }

    private record Start(DocumentDescriptor descriptor) implements Segment {
    }

    private record Data(byte[] bytes, int length) implements Segment {
    }

    private record End() implements Segment {
    }

    private static final End END = new End();

    private final int capacity;
    private final int chunkBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Segment> queue = new ArrayDeque<>();
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private final Queue<byte[]> spare;
    private int allocated;
    private Throwable producerFailure;
    private boolean consumerGone;

    ChunkPipe(int capacity, int chunkBytes) {
        this(capacity, chunkBytes, new ArrayDeque<>(0));
    }

    /**
     * @param spare buffers of {@code chunkBytes} shared between pipes (thread-safe, bounded): taken before new ones
     *              are allocated, and given back by {@link #release()}
     */
    ChunkPipe(int capacity, int chunkBytes, Queue<byte[]> spare) {
        if (capacity < 1 || chunkBytes < 1) {
            throw new IllegalArgumentException("capacity and chunkBytes must be positive");
        }
        this.capacity = capacity;
        this.chunkBytes = chunkBytes;
        this.spare = spare;
    }

    /** Copies every document of {@code source} into the pipe, then the end mark; blocks while the pipe is full. */
    void produce(IncomingDocuments source) throws IOException {
        for (Optional<IncomingDocument> d = source.next(); d.isPresent(); d = source.next()) {
            put(new Start(d.get().descriptor()));
            InputStream in = d.get().content();
            while (true) {
                byte[] buffer = buffer();
                int n = in.readNBytes(buffer, 0, chunkBytes);
                if (n == 0) {
                    recycle(buffer);
                    break;
                }
                put(new Data(buffer, n));
            }
        }
        put(END);
    }

    /** The reading side failed: the consumer's next read throws, so its transaction rolls back. */
    void fail(Throwable cause) {
        lock.lock();
        try {
            producerFailure = cause;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The storing side is done (committed, refused or failed): a producer that still writes stops. */
    void consumerDone() {
        lock.lock();
        try {
            consumerGone = true;
            queue.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The documents as the inbox reads them. */
    IncomingDocuments documents() {
        return new IncomingDocuments() {
            private Reader current;

            @Override
            public Optional<IncomingDocument> next() throws IOException {
                if (current != null) {
                    current.transferTo(java.io.OutputStream.nullOutputStream());
                }
                Segment s = take();
                if (s instanceof Start start) {
                    current = new Reader();
                    return Optional.of(new IncomingDocument(start.descriptor(), current));
                }
                if (s instanceof End) {
                    return Optional.empty();
                }
                throw new IOException("Intern feil: data uten dokument");
            }
        };
    }

    private byte[] buffer() throws IOException {
        lock.lock();
        try {
            while (free.isEmpty() && allocated >= capacity + 1) {
                awaitRoom();
            }
            if (!free.isEmpty()) {
                return free.pop();
            }
            allocated++;
            byte[] kept = spare.poll();
            return kept != null ? kept : new byte[chunkBytes];
        } finally {
            lock.unlock();
        }
    }

    private void recycle(byte[] buffer) {
        lock.lock();
        try {
            free.push(buffer);
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void put(Segment s) throws IOException {
        lock.lock();
        try {
            while (queue.size() >= capacity && !consumerGone) {
                awaitRoom();
            }
            if (consumerGone) {
                throw new ConsumerGone();
            }
            queue.add(s);
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitRoom() throws IOException {
        if (consumerGone) {
            throw new ConsumerGone();
        }
        try {
            notFull.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Avbrutt mens lagringen ventet");
        }
    }

    private Segment take() throws IOException {
        lock.lock();
        try {
            awaitSegment();
            Segment s = queue.poll();
            notFull.signalAll();
            return s;
        } finally {
            lock.unlock();
        }
    }

    /** Waits, holding the lock, until a segment is queued; the reader's failure ends the wait. */
    private void awaitSegment() throws IOException {
        while (queue.isEmpty()) {
            if (producerFailure != null) {
                throw new IOException("Lesingen av elementet feilet: " + producerFailure.getMessage(),
                        producerFailure);
            }
            try {
                notEmpty.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Avbrutt mens lagringen ventet på data");
            }
        }
    }

    /** Both sides are done: the free buffers go back to the shared spares (those that do not fit are dropped). */
    void release() {
        lock.lock();
        try {
            for (byte[] b = free.poll(); b != null; b = free.poll()) {
                spare.offer(b);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many chunk buffers exist (at most the capacity plus the one being filled): for tests. */
    int allocatedBuffers() {
        lock.lock();
        try {
            return allocated;
        } finally {
            lock.unlock();
        }
    }

    /** One document's bytes on the consumer's side; ends at the next document's start or the end mark. */
    private final class Reader extends InputStream {
        private Data data;
        private int pos;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, data.length() - pos);
            System.arraycopy(data.bytes(), pos, b, off, n);
            pos += n;
            if (pos == data.length()) {
                recycle(data.bytes());
                data = null;
            }
            return n;
        }

        private boolean fill() throws IOException {
            if (ended) {
                return false;
            }
            if (data != null) {
                return true;
            }
            lock.lock();
            try {
                awaitSegment();
                if (queue.peek() instanceof Data d) {
                    queue.poll();
                    notFull.signalAll();
                    data = d;
                    pos = 0;
                    return true;
                }
                ended = true; // the next Start or the End stays for IncomingDocuments.next()
                return false;
            } finally {
                lock.unlock();
            }
        }
    }
}
