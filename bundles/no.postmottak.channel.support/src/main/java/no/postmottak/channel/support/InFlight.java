package no.postmottak.channel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Several items of one account received at the same time, at most {@code limit}. Each item's work (receive, store,
 * acknowledge after its own commit) runs on a worker thread of its own and is not affected by another's failure;
 * results are handed to the poll thread, which counts them and checks the lease, in the order they finish. A limit of
 * 1 runs each item on the caller's thread, as before. Worker threads are daemons that end after a minute idle.
 */
public final class InFlight implements AutoCloseable {

    /**
     * Sized for 2 cores: while one item decrypts, others' database writes and HTTP round trips overlap. Measured on
     * a quiet 2-core machine (2,000 SvarInn items of 3 x 100 KiB after 2,500 warm-up items): H2 104 / 114 / 137 / 137
     * items/s with 2 / 3 / 4 / 8 in flight, PostgreSQL 91 / 114 items/s with 2 / 4. Again after 20,000 warm-up items
     * (issue 17, eighth round: the JIT done): H2 206.9 / 179.5 items/s with 4 / 8 (8 cost H2 more CPU per commit and
     * the collector more), PostgreSQL 220.0 / 232.8 — within the noise between runs, so 4 stays for both.
     */
    public static final int DEFAULT = 4;

    private final int limit;
    private final ThreadPoolExecutor workers;

    public InFlight(String name, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Antall samtidige elementer må være minst 1, var " + limit);
        }
        this.limit = limit;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(limit, limit, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
    }

    public int limit() {
        return limit;
    }

    /** One round of items (a page); not thread-safe, used by the poll thread only. */
    public <T> Batch<T> batch() {
        return new Batch<>();
    }

    /** Stops the workers; an item in progress finishes (nothing is acknowledged before it is stored). */
    @Override
    public void close() {
        workers.shutdown();
    }

    /** The items of one round: submitted in order, finished in any order. */
    public final class Batch<T> {
        private final CompletionService<T> done = new ExecutorCompletionService<>(workers);
        private final List<Future<T>> pending = new ArrayList<>();
        private Exception failure;

        private Batch() {
        }

        /**
         * Starts {@code work}, first waiting (and handing finished results to {@code onDone}) while {@code limit}
         * items are in flight. With a limit of 1 the work runs here.
         */
        public void submit(Callable<T> work, Consumer<T> onDone) throws InterruptedException {
            if (limit == 1) {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    record(e);
                }
                return;
            }
            while (pending.size() >= limit) {
                takeOne(onDone);
            }
            pending.add(done.submit(work));
        }

        /** Waits for every item in flight, handing each result to {@code onDone}. */
        public void awaitAll(Consumer<T> onDone) throws InterruptedException {
            while (!pending.isEmpty()) {
                takeOne(onDone);
            }
        }

        /** How many items are in flight. */
        public int pending() {
            return pending.size();
        }

        /** Whether an item threw (an account-wide failure): start no more. */
        public boolean failed() {
            return failure != null;
        }

        /** Interrupts what is still in flight (stopping past the grace period). */
        public void cancel() {
            pending.forEach(f -> f.cancel(true));
            pending.clear();
        }

        /** Throws the first failure an item threw, if it is one of the two checked kinds or unchecked. */
        public <A extends Exception, B extends Exception> void rethrow(Class<A> a, Class<B> b) throws A, B {
            if (failure == null) {
                return;
            }
            if (a.isInstance(failure)) {
                throw a.cast(failure);
            }
            if (b.isInstance(failure)) {
                throw b.cast(failure);
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(failure);
        }

        private void takeOne(Consumer<T> onDone) throws InterruptedException {
            Future<T> f = done.take();
            pending.remove(f);
            try {
                onDone.accept(f.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error err) {
                    throw err;
                }
                record((Exception) cause);
            }
        }

        private void record(Exception e) {
            if (failure == null) {
                failure = e;
            } else if (failure != e) {
                failure.addSuppressed(e);
            }
        }
    }
}
