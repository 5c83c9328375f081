package org.chronicle.query.projection;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a rebuild does to a set's tables as a whole: it empties them before the first round and,
 * once the set is complete, has PostgreSQL gather their statistics. Autovacuum would analyze the
 * loaded tables too, but a minute or more later; until then the planner plans the readers'
 * queries on the counts of the emptied tables.
 */
final class SetTables {

    private final JdbcTemplate jdbc;
    private Boolean postgres;

    SetTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void empty(TableSet set, List<String> tables) {
        tables.forEach(table -> jdbc.update("DELETE FROM " + set.table(table)));
    }

    /** ANALYZE on PostgreSQL, in the caller's transaction: the statistics come with the rows. */
    void analyze(TableSet set, List<String> tables) {
        if (postgres()) {
            tables.forEach(table -> jdbc.execute("ANALYZE " + set.table(table)));
        }
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
                    .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql"));
        }
        return postgres;
    }
}
