package org.chronicle.query.control;

import org.axonframework.config.Configuration;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.BulkLoad;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Control changes and clashes, projected into either table set. */
@Component
class ControlProjection implements Projection {

    private final JdbcTemplate jdbc;

    ControlProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return Projections.CONTROL;
    }

    @Override
    public BulkLoad load(TableSet set, Configuration axon, boolean live) {
        return new ControlBulkLoad(new ControlRows(jdbc, set), axon.eventStore(), live);
    }
}
