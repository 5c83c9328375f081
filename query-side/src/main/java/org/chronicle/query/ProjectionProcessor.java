package org.chronicle.query;

import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.chronicle.query.projection.Rebuilds;

/**
 * A projection's pooled processor, which Axon never starts by itself: {@link Rebuilds} starts and
 * stops each one as the table sets say. Were Axon to start every processor with the service, the
 * processor of a set that another process is filling in bulk would write its own rows into that
 * set until the first check stopped it, and the load, going on from its last round, would then
 * meet rows it had not written. It also keeps a service started before its database up: a start
 * reads {@code token_entry}, and a start that fails would fail the whole service. Otherwise
 * exactly Axon's processor.
 */
final class ProjectionProcessor extends PooledStreamingEventProcessor {

    private ProjectionProcessor(PooledStreamingEventProcessor.Builder configured) {
        super(configured);
    }

    /**
     * Axon's builder as Axon configured it (token store, transaction manager, executors, error
     * handling), building this processor instead of its own.
     */
    static PooledStreamingEventProcessor.Builder building(PooledStreamingEventProcessor.Builder configured) {
        return new PooledStreamingEventProcessor.Builder() {
            @Override
            public PooledStreamingEventProcessor build() {
                return new ProjectionProcessor(configured);
            }
        };
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::shutdownAsync);
    }
}
