package org.chronicle.query.projection;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The event handler of a projection's table set. The pooled processor hands it a batch of events
 * in one unit of work (and one transaction, with the token); the events go to one {@link BulkLoad}
 * for the batch, which writes their rows just before the batch commits. A redelivered batch
 * (after a crash between the rows and the token) writes the same rows again.
 */
public final class BatchHandler implements Projection.Handler {

    private final Projection projection;
    private final TableSet set;
    private final Configuration axon;
    private final String resource;

    public BatchHandler(Projection projection, TableSet set, Configuration axon) {
        this.projection = projection;
        this.set = set;
        this.axon = axon;
        this.resource = BatchHandler.class.getName() + "/" + set.processor(projection.name());
    }

    @Override
    public String projection() {
        return projection.name();
    }

    @Override
    public TableSet set() {
        return set;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        load().add(event, token.position().orElseThrow());
    }

    /** The batch's load, made with its first event and written in the batch's transaction. */
    private BulkLoad load() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(resource, key -> {
            BulkLoad load = projection.load(set, axon, true);
            batch.onPrepareCommit(unit -> {
                load.write();
                load.completeWritten();
            });
            return load;
        });
    }
}
