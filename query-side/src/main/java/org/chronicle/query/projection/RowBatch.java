package org.chronicle.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of one table, gathered and then written many to a statement: one INSERT per row would
 * cost a round trip to the database per row. A batch that replaces first deletes the rows with
 * the keys of its own, so that writing the same rows twice (events handled again after a crash)
 * leaves them once.
 */
public final class RowBatch {

    /** PostgreSQL takes at most 65,535 parameters in a statement; half of that keeps statements short. */
    private static final int MAX_PARAMETERS = 30_000;

    /**
     * From how many rows a replacing write on PostgreSQL is a COPY. A COPY costs two round trips
     * where an INSERT costs one, so a live batch of a few rows stays an INSERT; a rebuild's
     * rounds, which only insert, are always copied.
     */
    private static final int COPY_FROM = 100;
    private static final int COPY_CHUNK_BYTES = 1 << 20;

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;
    private final int keyColumns;
    private final List<Object[]> rows = new ArrayList<>();

    /** A batch that only inserts, into a table that holds none of its keys. */
    public RowBatch(JdbcTemplate jdbc, String table, List<String> columns) {
        this(jdbc, table, columns, 0);
    }

    /**
     * @param keyColumns how many of the first columns make the key whose rows a write replaces;
     *                   0 for a batch that only inserts
     */
    public RowBatch(JdbcTemplate jdbc, String table, List<String> columns, int keyColumns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.keyColumns = keyColumns;
    }


    /** One row, its values in the order of the columns. */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + " has " + columns.size() + " columns, not " + values.length);
        }
        rows.add(values);
    }

    public int size() {
        return rows.size();
    }

    /** Writes the rows gathered since the last write, in the caller's transaction. */
    public void write() {
        if (keyColumns > 0 && !rows.isEmpty()) {
            Set<List<Object>> keys = new LinkedHashSet<>();
            rows.forEach(row -> keys.add(Arrays.asList(row).subList(0, keyColumns)));
            delete(jdbc, table, columns.subList(0, keyColumns), keys);
        }
        boolean copy = !rows.isEmpty() && (keyColumns == 0 || rows.size() >= COPY_FROM);
        if (copy && Boolean.TRUE.equals(jdbc.execute(this::copied))) {
            rows.clear();
            return;
        }
        int perStatement = Math.max(1, MAX_PARAMETERS / columns.size());
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            jdbc.update(connection -> insert(connection, chunk));
        }
        rows.clear();
    }

    /**
     * The rows streamed with PostgreSQL's {@code COPY}, in the caller's transaction; false on
     * another database. COPY skips the parsing and binding of parameters that a multi-row INSERT
     * pays per value, on both sides of the connection.
     */
    private Boolean copied(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(PGConnection.class)) {
            return false;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
        try {
            CopyText text = new CopyText();
            for (Object[] row : rows) {
                text.row(row);
                if (text.size() >= COPY_CHUNK_BYTES) {
                    text.writeTo(copy);
                }
            }
            text.writeTo(copy);
            copy.endCopy();
            return true;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Deletes the rows of {@code table} whose {@code keyColumns} hold one of {@code keys}, many keys a statement. */
    public static void delete(JdbcTemplate jdbc, String table, List<String> keyColumns, Collection<List<Object>> keys) {
        String one = "(" + String.join(" AND ", keyColumns.stream().map(column -> column + " = ?").toList()) + ")";
        List<List<Object>> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 1_000) {
            List<List<Object>> some = all.subList(from, Math.min(all.size(), from + 1_000));
            jdbc.update("DELETE FROM " + table + " WHERE " + String.join(" OR ", Collections.nCopies(some.size(), one)),
                    some.stream().flatMap(List::stream).toArray());
        }
    }

    private PreparedStatement insert(Connection connection, List<Object[]> chunk) throws SQLException {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table + " ("
                + String.join(", ", columns) + ") VALUES " + String.join(", ", Collections.nCopies(chunk.size(), row)));
        int parameter = 1;
        for (Object[] values : chunk) {
            for (Object value : values) {
                if (value == null) {
                    statement.setNull(parameter++, Types.NULL);
                } else {
                    statement.setObject(parameter++, value);
                }
            }
        }
        return statement;
    }
}
