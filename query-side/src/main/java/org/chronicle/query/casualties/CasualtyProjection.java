package org.chronicle.query.casualties;

import org.axonframework.config.Configuration;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.BulkLoad;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The casualty figures and period claims, projected into either table set. */
@Component
class CasualtyProjection implements Projection {

    private final JdbcTemplate jdbc;

    CasualtyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return Projections.CASUALTIES;
    }

    @Override
    public Projection.Handler handlerFor(TableSet set, Configuration axon) {
        return new CasualtyProjector(new CasualtyRows(jdbc, set), set, axon.eventStore());
    }

    @Override
    public BulkLoad bulkLoad(TableSet set, Configuration axon) {
        return new CasualtyBulkLoad(new CasualtyRows(jdbc, set), axon.eventStore());
    }
}
