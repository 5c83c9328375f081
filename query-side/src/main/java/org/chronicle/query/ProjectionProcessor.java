package org.chronicle.query;

import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.chronicle.platform.schema.SchemaGate;
import org.chronicle.query.projection.Rebuilds;

/**
 * A projection's pooled processor, started by Axon with the rest of the service only when the
 * {@link SchemaGate} is open. Its start reads {@code token_entry}, and a start that fails fails
 * the whole service, so a service started before its database leaves its processors to
 * {@link Rebuilds}, which starts them once the gate opens. Otherwise exactly Axon's processor.
 */
final class ProjectionProcessor extends PooledStreamingEventProcessor {

    private final SchemaGate schema;

    private ProjectionProcessor(PooledStreamingEventProcessor.Builder configured, SchemaGate schema) {
        super(configured);
        this.schema = schema;
    }

    /**
     * Axon's builder as Axon configured it (token store, transaction manager, executors, error
     * handling), building this processor instead of its own.
     */
    static PooledStreamingEventProcessor.Builder building(PooledStreamingEventProcessor.Builder configured,
                                                          SchemaGate schema) {
        return new PooledStreamingEventProcessor.Builder() {
            @Override
            public PooledStreamingEventProcessor build() {
                return new ProjectionProcessor(configured, schema);
            }
        };
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS, () -> {
            if (schema.isOpen()) {
                start();
            }
        });
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, this::shutdownAsync);
    }
}
