package org.chronicle.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.chronicle.api.Refusal;
import org.chronicle.platform.schema.SchemaGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection blue/green, and keeps every process's processors in step with the table
 * sets: the active set's processor runs, the other one runs only while a rebuild fills it. A
 * rebuild first fills the set in bulk ({@link BulkRebuild}) on one process, which holds a lease
 * on the load; then the set's processor carries on from where the load ended, on every process.
 * Every process checks the sets on a short schedule, so it renews its own leases, takes over a
 * load whose lease ran out (its process died), joins a rebuild started elsewhere, and sees a
 * switch at once.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final ProjectionSets sets;
    private final SchemaGate schema;
    private final Positions positions;
    private final EventProcessingConfiguration processing;
    private final BulkRebuild bulk;
    private final Map<String, Projection> projections;
    private final long checkMillis;
    private final Duration lease;
    /** This process, as the holder of a load's lease. */
    private final String owner = UUID.randomUUID().toString();
    /** The loads this process runs. */
    private final Set<String> loadingHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService loads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledExecutorService schedule;

    Rebuilds(ProjectionSets sets, Positions positions, EventProcessingConfiguration processing, BulkRebuild bulk,
             List<Projection> projections, SchemaGate schema,
             @Value("${chronicle.projections.check-interval:500ms}") Duration checkInterval,
             @Value("${chronicle.projections.rebuild.lease:30s}") Duration lease) {
        this.sets = sets;
        this.schema = schema;
        this.positions = positions;
        this.processing = processing;
        this.bulk = bulk;
        this.projections = new TreeMap<>();
        projections.forEach(projection -> this.projections.put(projection.name(), projection));
        this.checkMillis = checkInterval.toMillis();
        this.lease = lease;
    }

    /**
     * Starts a rebuild of {@code projection}: its inactive set is emptied and refilled from the
     * first event, in bulk and then by its processor; readers stay on the active set until the
     * rebuild has caught up with it. Holds the same lock as {@link #check()}, so that a check never
     * sees the rebuild half begun.
     */
    public synchronized ProjectionSets.State start(String projection) {
        known(projection);
        TableSet into = sets.active(projection).other();
        if (!sets.beginRebuild(projection, into, positions.head(), owner, leaseEnd())) {
            throw new Refusal.Conflict("A rebuild of '" + projection + "' is already under way.");
        }
        log.info("Rebuilding projection {} into its {} tables", projection, into);
        loadHere(projection);
        return sets.state(projection);
    }

    /** Runs the bulk load of {@code projection}, whose lease this process holds, on a thread of its own. */
    private void loadHere(String projection) {
        loadingHere.add(projection);
        loads.execute(() -> {
            try {
                processor(projection, sets.state(projection).rebuilding()).shutDown();
                bulk.load(projections.get(projection), owner, this::leaseEnd);
            } catch (BulkRebuild.LeaseLost lost) {
                log.warn(lost.getMessage());
            } catch (RuntimeException e) {
                log.error("The bulk load of projection {} failed; a process takes it over when its lease runs out",
                        projection, e);
            } finally {
                loadingHere.remove(projection);
            }
        });
    }

    private Instant leaseEnd() {
        return Instant.now().plus(lease);
    }

    /** The name, when it is a projection's; otherwise 404. */
    String known(String projection) {
        if (!projections.containsKey(projection)) {
            throw new Refusal.NotFound("No projection '" + projection + "'; there are " + projections.keySet() + ".");
        }
        return projection;
    }

    /** How far the projection has got: the active set's processor, or the rebuild while one runs. */
    public Progress progress(String projection) {
        ProjectionSets.State state = sets.state(projection);
        TableSet reading = state.rebuilding() != null ? state.rebuilding() : state.active();
        long head = positions.head();
        long position = state.loading() ? state.loadedPosition()
                : Math.max(0, positions.reached(reading.processor(projection)).orElse(-1));
        double progress = head == 0 ? 1.0 : Math.min(1.0, (double) position / head);
        boolean running = processor(projection, reading).isRunning();
        String status = state.rebuilding() != null ? "REBUILDING" : running ? "LIVE" : "STOPPED";
        return new Progress(projection, status, position, head, progress, state.rebuilding() != null,
                state.active().name(), state.rebuilding() == null ? null : state.rebuilding().name());
    }

    public List<Progress> all() {
        return projections.keySet().stream().map(this::progress).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-sets");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::check, 0, checkMillis, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stopWatching() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
        loads.shutdownNow();
    }

    /**
     * One round: each projection's processors as its sets say, and a caught-up rebuild switched.
     * Nothing until the schema is there: this is also what starts the processors of a service that
     * started before its database.
     */
    synchronized void check() {
        if (!schema.isOpen()) {
            return;
        }
        for (String projection : projections.keySet()) {
            try {
                check(sets.state(projection));
            } catch (RuntimeException e) {
                log.warn("Could not check the table sets of projection {}: {}", projection, e.getMessage());
            }
        }
    }

    private void check(ProjectionSets.State state) {
        String projection = state.projection();
        StreamingEventProcessor active = processor(projection, state.active());
        StreamingEventProcessor other = processor(projection, state.active().other());
        if (!active.isRunning()) {
            active.start();
        }
        if (state.rebuilding() == null) {
            if (other.isRunning()) {
                other.shutDown();
            }
            return;
        }
        if (state.loading()) {
            if (other.isRunning()) {
                other.shutDown();
            }
            load(state);
            return;
        }
        if (!other.isRunning()) {
            other.start();
        }
        if (caughtUp(projection, state)) {
            sets.switchTo(projection, state.rebuilding());
            log.info("Projection {} rebuilt: readers now use its {} tables", projection, state.rebuilding());
        }
    }

    /** Renews the lease of a load that runs here; takes over one whose lease ran out. */
    private void load(ProjectionSets.State state) {
        String projection = state.projection();
        if (loadingHere.contains(projection)) {
            sets.renew(projection, owner, leaseEnd());
        } else if (state.loadingUntil().isBefore(Instant.now())
                && sets.takeOver(projection, owner, Instant.now(), leaseEnd())) {
            log.info("Taking over the bulk load of projection {} from event {}: its lease ran out", projection,
                    state.loadedPosition() + 1);
            loadHere(projection);
        }
    }

    /** The rebuild has read at least as far as the store's head when it began and as the active set. */
    private boolean caughtUp(String projection, ProjectionSets.State state) {
        OptionalLong rebuilt = positions.reached(state.rebuilding().processor(projection));
        OptionalLong serving = positions.reached(state.active().processor(projection));
        return rebuilt.isPresent() && rebuilt.getAsLong() >= state.rebuildHead()
                && rebuilt.getAsLong() >= serving.orElse(-1);
    }

    private StreamingEventProcessor processor(String projection, TableSet set) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(set.processor(projection), StreamingEventProcessor.class);
        return processor.orElseThrow(() -> new IllegalStateException("No processor " + set.processor(projection)));
    }

    /** A projection's state for the admin API; position and progress are the rebuild's while one runs. */
    public record Progress(String name, String status, long position, long headPosition, double progress,
                           boolean replaying, String activeSet, String rebuildingSet) {
    }
}
