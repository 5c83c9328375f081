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
    public BulkLoad load(TableSet set, Configuration axon, boolean live) {
        return new CasualtyBulkLoad(new CasualtyRows(jdbc, set), axon.eventStore(), live);
    }
}
