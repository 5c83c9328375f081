package org.chronicle.query.projection;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first part of a rebuild: the store read in order, a round of events at a time, each round's
 * rows written by the projection's {@link BulkLoad} in one transaction with the token it reached.
 * When the store's head as of the rebuild's start is loaded, the projection completes its set, and
 * the set's processor gets the token, to carry on event by event from there.
 */
@Component
class BulkRebuild {

    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final ProjectionSets sets;
    private final TransactionTemplate transactions;
    private final SetTables tables;
    private final int roundEvents;
    private final int segments;
    private final SharedRead read;

    BulkRebuild(EventStorageEngine store, Configuration axon, EventProcessingConfiguration processing,
                Serializer serializer, ProjectionSets sets, TransactionTemplate transactions, JdbcTemplate jdbc,
                @Value("${chronicle.projections.rebuild.round-events:5000}") int roundEvents,
                @Value("${chronicle.projections.rebuild.max-rate:0}") double maxRate,
                @Value("${chronicle.projections.segments:4}") int segments) {
        this.axon = axon;
        this.processing = processing;
        this.serializer = serializer;
        this.sets = sets;
        this.transactions = transactions;
        this.tables = new SetTables(jdbc);
        this.roundEvents = roundEvents;
        this.segments = segments;
        this.read = new SharedRead(store, roundEvents, maxRate);
    }

    /**
     * Loads {@code projection} into its rebuilding set, from where the last stored round ended,
     * while {@code owner} holds the lease. Ends with the set handed to its processor. The store is
     * read once for every load under way in this process ({@link SharedRead}).
     *
     * @throws LeaseLost when another process took the load over
     */
    void load(Projection projection, String owner, Supplier<Instant> leaseEnd) {
        String name = projection.name();
        ProjectionSets.State state = sets.state(name);
        BulkLoad load = projection.load(state.rebuilding(), axon, false);
        TrackingToken token = sets.loadedToken(name)
                .map(stored -> serializer.<byte[], TrackingToken>deserialize(stored)).orElse(null);
        if (token == null) {
            transactions.executeWithoutResult(tx -> tables.empty(state.rebuilding(), load.tables()));
        }
        Pace pace = new Pace(name, state.rebuildHead(), token);
        Part part = new Part(name, load, owner, leaseEnd, state.rebuildHead(), token, pace);
        TrackingToken reached = read.join(part);
        handOver(projection, owner, reached);
        pace.done();
    }

    /** One projection's load, as the shared read feeds it: the events after its token, up to its head. */
    final class Part {

        private final String name;
        private final BulkLoad load;
        private final String owner;
        private final Supplier<Instant> leaseEnd;
        private final long head;
        private final Pace pace;
        private final CompletableFuture<TrackingToken> done = new CompletableFuture<>();
        private TrackingToken token;

        private Part(String name, BulkLoad load, String owner, Supplier<Instant> leaseEnd, long head,
                     TrackingToken token, Pace pace) {
            this.name = name;
            this.load = load;
            this.owner = owner;
            this.leaseEnd = leaseEnd;
            this.head = head;
            this.token = token;
            this.pace = pace;
        }

        TrackingToken token() {
            return token;
        }

        long position() {
            return SharedRead.position(token);
        }

        long head() {
            return head;
        }

        boolean finished() {
            return done.isDone();
        }

        /**
         * Takes the round's events after its token and up to its head, and writes their rows in one
         * transaction with the token reached. Done once the read has passed its head or the store.
         */
        void take(SharedRead.Round round) {
            int taken = 0;
            TrackingToken reached = token;
            long at = position();
            for (TrackedEventMessage<?> event : round.events()) {
                long position = SharedRead.position(event.trackingToken());
                if (position > at && position <= head) {
                    load.add(event, position);
                    reached = event.trackingToken();
                    at = position;
                    taken++;
                }
            }
            if (taken > 0) {
                TrackingToken written = reached;
                transactions.executeWithoutResult(tx -> {
                    load.write();
                    if (!sets.loaded(name, owner, SharedRead.position(written),
                            serializer.serialize(written, byte[].class), leaseEnd.get())) {
                        throw new LeaseLost(name);
                    }
                });
                token = reached;
                pace.after(taken, token);
            }
            if (position() >= head || round.reached() >= head || round.last()) {
                done.complete(token);
            }
        }

        void fail(Throwable cause) {
            done.completeExceptionally(cause);
        }

        /** Waits for the read to bring this load to its head: its last token. */
        TrackingToken await() {
            try {
                return done.get();
            } catch (InterruptedException e) {
                fail(e);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The bulk load of projection " + name + " was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("The bulk load of projection " + name + " failed", e.getCause());
            }
        }
    }

    /**
     * The set completed, its statistics gathered, and its processor's tokens set where the load
     * ended, in one transaction. A segment still claimed by a process that died is free once
     * Axon's claim timeout has passed.
     */
    private void handOver(Projection projection, String owner, TrackingToken token) {
        String name = projection.name();
        TableSet set = sets.state(name).rebuilding();
        BulkLoad load = projection.load(set, axon, false);
        String group = set.processor(name);
        TokenStore tokens = processing.tokenStore(group);
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> {
                    load.complete();
                    tables.analyze(set, load.tables());
                    int[] existing = tokens.fetchSegments(group);
                    if (existing.length == 0) {
                        tokens.initializeTokenSegments(group, segments, token);
                    }
                    for (int segment : existing) {
                        tokens.fetchToken(group, segment);
                        tokens.storeToken(token, group, segment);
                        tokens.releaseClaim(group, segment);
                    }
                    if (!sets.finishLoading(name, owner)) {
                        throw new LeaseLost(name);
                    }
                });
                return;
            } catch (UnableToClaimTokenException claimed) {
                if (attempt == 60) {
                    throw claimed;
                }
                log.info("Rebuild of {}: a segment of {} is still claimed ({}); trying again", name, group,
                        claimed.getMessage());
                sleep(1_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The load's rate, logged every ten seconds. */
    private final class Pace {

        private final String name;
        private final long head;
        private final long started = System.nanoTime();
        private long events;
        private long logged = started;
        private long position;

        Pace(String name, long head, TrackingToken from) {
            this.name = name;
            this.head = head;
            this.position = from == null ? 0 : from.position().orElse(0);
            log.info("Rebuild of {}: loading events {} to {} in rounds of {}", name, position + 1, head, roundEvents);
        }

        void after(int taken, TrackingToken reached) {
            events += taken;
            position = reached.position().orElse(position);
            long now = System.nanoTime();
            if (now - logged >= LOG_EVERY_NANOS) {
                logged = now;
                log.info(String.format(Locale.ROOT, "Rebuild of %s: at event %d of %d, %.0f events/s", name, position,
                        head, rate(now)));
            }
        }

        void done() {
            log.info(String.format(Locale.ROOT, "Rebuild of %s: loaded %d events in %.1f s (%.0f events/s); its processor"
                    + " carries on from event %d", name, events, (System.nanoTime() - started) / 1e9,
                    rate(System.nanoTime()), position));
        }

        private double rate(long now) {
            return events / Math.max(1e-9, (now - started) / 1e9);
        }
    }

    /** Another process holds the load now: this one stops, and its last round, if any, was not written. */
    static final class LeaseLost extends RuntimeException {

        LeaseLost(String projection) {
            super("The bulk load of projection " + projection + " is held by another process now");
        }
    }
}
