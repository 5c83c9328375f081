package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Both sides in one process on PostgreSQL: each side migrates its own tables, each with its own history. */
@ServiceTest
class AppOnPostgresTest {



    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReportTravelsFromTheWriteApiToTheReadApi() {
        Http http = Http.local(port);
        Slice.record(http.asAdmin());
        Slice.answered(http);
    }

    @Test
    void eachOwnerHasItsOwnMigrationHistory() {
        for (String history : new String[] {"flyway_history_event_store", "flyway_history_command_side",
                "flyway_history_query_side"}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + history + " WHERE success", Long.class))
                    .as(history).isPositive();
        }
    }

    @Test
    void theEventStoreHasTheShapeTheEngineNeeds() {
        assertThat(jdbc.queryForList("""
                SELECT column_name || ':' || data_type FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name IN ('payload', 'meta_data', 'global_index')
                ORDER BY column_name""", String.class))
                .containsExactly("global_index:bigint", "meta_data:bytea", "payload:bytea");
        assertThat(jdbc.queryForObject("""
                SELECT increment FROM information_schema.sequences
                WHERE sequence_name = 'domain_event_entry_global_index_seq'""", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                SELECT pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = 'domain_event_entry'::regclass AND contype = 'u' ORDER BY 1""", String.class))
                .containsExactly("UNIQUE (aggregate_identifier, sequence_number)", "UNIQUE (event_identifier)");
    }
}
