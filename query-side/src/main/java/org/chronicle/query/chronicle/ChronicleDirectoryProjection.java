package org.chronicle.query.chronicle;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.chronicle.api.chronicle.ChronicleAmended;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.BulkLoad;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.TableSet;
import org.springframework.stereotype.Component;

/** The chronicle definitions, projected into either table set. */
@Component
class ChronicleDirectoryProjection implements Projection {

    private final ChronicleDirectory directory;

    ChronicleDirectoryProjection(ChronicleDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return Projections.CHRONICLES;
    }

    @Override
    public Projection.Handler handlerFor(TableSet set, Configuration axon) {
        return new ChronicleDirectoryProjector(new ChronicleDirectory.Rows(directory, set), set);
    }

    /**
     * A store holds few chronicle definitions among its reports, so a rebuild writes each one as
     * the handler does, in the round's transaction.
     */
    @Override
    public BulkLoad bulkLoad(TableSet set, Configuration axon) {
        ChronicleDirectory.Rows rows = new ChronicleDirectory.Rows(directory, set);
        return new BulkLoad() {
            @Override
            public void clear() {
                rows.clear();
            }

            @Override
            public void add(TrackedEventMessage<?> event) {
                // The type first: a payload is deserialized when it is asked for, and most are reports.
                Class<?> type = event.getPayloadType();
                if (event instanceof DomainEventMessage<?> domain
                        && (type == ChronicleDefined.class || type == ChronicleAmended.class)) {
                    if (domain.getPayload() instanceof ChronicleDefined defined) {
                        rows.put(defined.chronicleId(), defined.definition(), domain.getSequenceNumber() + 1,
                                domain.getTimestamp());
                    } else if (domain.getPayload() instanceof ChronicleAmended amended) {
                        rows.put(amended.chronicleId(), amended.definition(), domain.getSequenceNumber() + 1,
                                domain.getTimestamp());
                    }
                }
            }

            @Override
            public void write() {
            }

            @Override
            public void complete() {
            }
        };
    }
}
