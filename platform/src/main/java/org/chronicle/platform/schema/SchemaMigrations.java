package org.chronicle.platform.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Brings every {@link MigrationUnit} of this process up to date. Each database vendor has its own
 * scripts ({@code <location>/postgresql}, {@code <location>/h2}): bytea and bigserial on
 * PostgreSQL, H2's own types in the embedded default. A service runs them through its
 * {@link SchemaGate}, which waits for a database that does not answer yet.
 */
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final List<MigrationUnit> units;

    public SchemaMigrations(DataSource dataSource, List<MigrationUnit> units) {
        this.dataSource = dataSource;
        this.units = units.stream().sorted(Comparator.comparingInt(MigrationUnit::order)).toList();
    }

    public void migrate() {
        String vendor = vendor();
        for (MigrationUnit unit : units) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(unit.location() + "/" + vendor)
                    .table(unit.historyTable())
                    // Another unit's tables may already be there: start this unit's history at 0.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            log.info("Schema {} on {}: {} migration(s) applied, now at version {}",
                    unit.name(), vendor, result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    private String vendor() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL());
            return switch (driver) {
                case POSTGRESQL, H2 -> driver.getId();
                default -> throw new IllegalStateException(
                        "Chronicle runs on PostgreSQL or H2, not on " + driver.getId());
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema", e);
        }
    }
}
