package org.chronicle.query.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.chronicle.query.projection.BulkRebuild.Part;

/**
 * One read of the event store for every bulk load under way in this process. A rebuild of every
 * projection used to read and deserialize the whole store once per projection; here a reading
 * thread reads each round once, deserializes each payload once, and hands the round to every load
 * at once, each writing its rows on a thread of its own while the next round is read. A load that
 * joins behind the others (a rebuild started later, or one taken over from a dead process) makes
 * the read go back to its token; the loads ahead skip what they have.
 */
final class SharedRead {

    private final EventStorageEngine store;
    private final int roundEvents;
    private final double maxRate;
    private final ExecutorService writers;
    private final Object lock = new Object();
    /** Loads that asked to be fed since the last round began; guarded by {@link #lock}. */
    private final List<Part> joining = new ArrayList<>();
    /** Whether a reading thread runs; guarded by {@link #lock}. */
    private boolean reading;

    SharedRead(EventStorageEngine store, int roundEvents, double maxRate) {
        this.store = store;
        this.roundEvents = roundEvents;
        this.maxRate = maxRate;
        AtomicInteger count = new AtomicInteger();
        this.writers = Executors.newCachedThreadPool(runnable -> daemon(runnable,
                "projection-rebuild-write-" + count.incrementAndGet()));
    }

    /** Feeds {@code part} until it reaches its head; answers its last token. */
    TrackingToken join(Part part) {
        synchronized (lock) {
            joining.add(part);
            if (!reading) {
                reading = true;
                daemon(this::read, "projection-rebuild-read").start();
            }
        }
        return part.await();
    }

    private void read() {
        List<Part> parts = new ArrayList<>();
        Cursor cursor = null;
        Round next = null;
        long started = System.nanoTime();
        long events = 0;
        try {
            while (true) {
                synchronized (lock) {
                    parts.removeIf(Part::finished);
                    parts.addAll(joining);
                    joining.clear();
                    if (parts.isEmpty()) {
                        reading = false;
                        return;
                    }
                }
                Part behind = parts.stream().min(Comparator.comparingLong(Part::position)).orElseThrow();
                long head = parts.stream().mapToLong(Part::head).max().orElseThrow();
                if (next == null || next.from() > behind.position()) {
                    if (cursor == null || cursor.ended || cursor.at > behind.position()) {
                        close(cursor);
                        cursor = new Cursor(behind.token());
                    }
                    next = cursor.round(head);
                }
                Round round = next;
                List<Future<?>> writes = new ArrayList<>();
                parts.forEach(part -> writes.add(writers.submit(() -> take(part, round))));
                next = round.last() || round.reached() >= head ? null : cursor.round(head);
                for (Future<?> write : writes) {
                    write.get();
                }
                events += round.events().size();
                hold(started, events);
            }
        } catch (Throwable failure) {
            synchronized (lock) {
                parts.addAll(joining);
                joining.clear();
                reading = false;
            }
            parts.forEach(part -> part.fail(failure));
        } finally {
            close(cursor);
        }
    }

    private static void take(Part part, Round round) {
        try {
            part.take(round);
        } catch (Throwable failure) {
            part.fail(failure);
        }
    }

    /** Keeps the read under {@code chronicle.projections.rebuild.max-rate}, when one is set. */
    private void hold(long started, long events) throws InterruptedException {
        if (maxRate > 0) {
            long due = (long) (events / maxRate * 1e9) - (System.nanoTime() - started);
            if (due > 0) {
                Thread.sleep(due / 1_000_000);
            }
        }
    }

    private static void close(Cursor cursor) {
        if (cursor != null) {
            cursor.events.close();
        }
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Events read in one go: those after position {@code from}, up to {@code reached}; {@code last}
     * when the store had no more.
     */
    record Round(long from, long reached, List<TrackedEventMessage<?>> events, boolean last) {
    }

    /** The store, read in order from a token. */
    private final class Cursor {

        private final Stream<? extends TrackedEventMessage<?>> events;
        private final Iterator<? extends TrackedEventMessage<?>> stream;
        private long at;
        private boolean ended;

        Cursor(TrackingToken from) {
            this.events = store.readEvents(from, false);
            this.stream = events.iterator();
            this.at = position(from);
        }

        /** Up to a round of events, stopping at the first at or past {@code head}. */
        Round round(long head) {
            long from = at;
            List<TrackedEventMessage<?>> taken = new ArrayList<>();
            while (taken.size() < roundEvents && at < head) {
                if (!stream.hasNext()) {
                    ended = true;
                    break;
                }
                TrackedEventMessage<?> event = stream.next();
                // Deserialized here, once, rather than by each load.
                event.getPayload();
                taken.add(event);
                at = position(event.trackingToken());
            }
            return new Round(from, at, taken, ended);
        }
    }
}
