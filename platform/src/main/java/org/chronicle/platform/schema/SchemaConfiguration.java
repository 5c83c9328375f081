package org.chronicle.platform.schema;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class SchemaConfiguration {

    @Bean
    MigrationUnit eventStoreSchema() {
        return new MigrationUnit("event-store", "classpath:db/eventstore", MigrationUnit.EVENT_STORE);
    }

    @Bean
    SchemaGate schemaGate(DataSource dataSource, ObjectProvider<MigrationUnit> units) {
        return new SchemaGate(new SchemaMigrations(dataSource, List.copyOf(units.orderedStream().toList())));
    }

    /** {@code schema} in {@code /actuator/health}: DOWN until the gate opens, while the service can do no work. */
    @Bean
    HealthIndicator schemaHealthIndicator(SchemaGate gate) {
        return () -> gate.isOpen() ? Health.up().build()
                : Health.down().withDetail("waiting", "for the database, to migrate the schema").build();
    }
}
