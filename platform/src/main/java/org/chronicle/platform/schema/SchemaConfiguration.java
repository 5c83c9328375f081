package org.chronicle.platform.schema;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
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
    SchemaMigrations schemaMigrations(DataSource dataSource, ObjectProvider<MigrationUnit> units) {
        return new SchemaMigrations(dataSource, List.copyOf(units.orderedStream().toList()));
    }
}
