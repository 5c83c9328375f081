package org.chronicle.query.chronicle;

import org.axonframework.config.Configuration;
import org.chronicle.query.Projections;
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
}
