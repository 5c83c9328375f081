package org.chronicle.query.chronicle;

import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
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

    /**
     * A store holds few chronicle definitions among its reports, so each is written as it comes,
     * in the round's transaction. Idempotent: an event handled again finds its version there.
     */
    @Override
    public BulkLoad load(TableSet set, Configuration axon, boolean live) {
        ChronicleDirectory.Rows rows = new ChronicleDirectory.Rows(directory, set);
        return new BulkLoad() {
            @Override
            public List<String> tables() {
                return List.of("chronicle_directory", "chronicle_version");
            }

            @Override
            public void add(EventMessage<?> event, long position) {
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

            @Override
            public void completeWritten() {
            }
        };
    }
}
