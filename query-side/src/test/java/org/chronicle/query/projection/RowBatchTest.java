package org.chronicle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A rebuild's rows go to PostgreSQL by COPY, a live batch's few rows by INSERT: both must store
 * the same values, whatever a summary holds (tabs, line breaks, backslashes, a literal {@code \N},
 * any script) and whatever the session's time zone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowBatchTest {

    private static final List<String> COLUMNS = List.of("id", "text", "small", "big", "day", "at");
    private JdbcTemplate jdbc;

    @BeforeAll
    void database() {
        SingleConnectionDataSource source = new SingleConnectionDataSource(TestDatabase.create(RowBatchTest.class), true);
        jdbc = new JdbcTemplate(source);
        for (String table : List.of("copied", "inserted")) {
            jdbc.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, text TEXT, small INTEGER, big BIGINT,"
                    + " day DATE, at TIMESTAMP WITH TIME ZONE)");
        }
        // A session zone far from UTC: an instant written without its zone would move.
        jdbc.execute("SET TIME ZONE 'Pacific/Kiritimati'");
    }

    @Test
    void copyStoresWhatInsertStores() {
        List<Object[]> rows = rows(new Random(7), 60);
        RowBatch copied = new RowBatch(jdbc, "copied", COLUMNS);
        RowBatch inserted = new RowBatch(jdbc, "inserted", COLUMNS, 1);
        rows.forEach(row -> {
            copied.add(row.clone());
            inserted.add(row.clone());
        });
        copied.write();
        inserted.write();

        List<Map<String, Object>> byCopy = jdbc.queryForList("SELECT * FROM copied ORDER BY id");
        List<Map<String, Object>> byInsert = jdbc.queryForList("SELECT * FROM inserted ORDER BY id");
        assertThat(byCopy).hasSize(rows.size()).isEqualTo(byInsert);
        for (Object[] row : rows) {
            Map<String, Object> stored = byCopy.get((int) (long) (Long) row[0]);
            assertThat(stored.get("text")).isEqualTo(row[1]);
            assertThat(stored.get("at") == null ? null : ((Timestamp) stored.get("at")).toInstant())
                    .isEqualTo(row[5] == null ? null : ((Timestamp) row[5]).toInstant());
        }
    }

    @Test
    void aValueOfAnotherKindIsRefused() {
        RowBatch batch = new RowBatch(jdbc, "copied", COLUMNS);
        batch.add(1_000L, new StringBuilder("not a string"), 1, 1L, null, null);
        assertThatThrownBy(batch::write).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("StringBuilder");
        // The COPY was cancelled: the connection still works, and nothing of the row was stored.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copied WHERE id = 1000", Long.class)).isZero();
    }

    private static List<Object[]> rows(Random random, int count) {
        String[] texts = {"", "plain", "tab\there", "line\nbreak", "carriage\r\nreturn", "back\\slash", "\\N",
                "\\", "quote ' and \" and ,", "Ar-Rastan الرستن", "emoji \uD83D\uDE00", "ends with backslash\\"};
        List<Object[]> rows = new ArrayList<>();
        for (long id = 0; id < count; id++) {
            boolean nulls = random.nextInt(5) == 0;
            Instant at = Instant.parse("2012-01-29T00:00:00Z").plusMillis(random.nextLong(400L * 86_400_000L))
                    .plusNanos(random.nextInt(1_000) * 1_000L);
            rows.add(new Object[] {id, nulls ? null : texts[random.nextInt(texts.length)] + id,
                    nulls ? null : random.nextInt(), nulls ? null : random.nextLong(),
                    nulls ? null : Date.valueOf(LocalDate.of(2012, 1, 1).plusDays(random.nextInt(3_000))),
                    nulls ? null : Timestamp.from(at)});
        }
        return rows;
    }
}
