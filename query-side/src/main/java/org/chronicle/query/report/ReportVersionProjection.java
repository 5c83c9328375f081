package org.chronicle.query.report;

import org.axonframework.config.Configuration;
import org.chronicle.platform.eventstore.StoredJson;
import org.chronicle.query.Projections;
import org.chronicle.query.projection.BulkLoad;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.TableSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every report as it stood after each event on it, projected into either table set. */
@Component
class ReportVersionProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final StoredJson json;

    ReportVersionProjection(JdbcTemplate jdbc, StoredJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return Projections.REPORTS;
    }

    @Override
    public BulkLoad load(TableSet set, Configuration axon, boolean live) {
        return new ReportVersionBulkLoad(new ReportVersionRows(jdbc, json, set), jdbc, live);
    }
}
