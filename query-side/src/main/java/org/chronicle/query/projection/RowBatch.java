package org.chronicle.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of one table, gathered and then written many to a statement. A rebuild writes this way:
 * one INSERT per row would cost a round trip to the database per row.
 */
public final class RowBatch {

    /** PostgreSQL takes at most 65,535 parameters in a statement; half of that keeps statements short. */
    private static final int MAX_PARAMETERS = 30_000;

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public RowBatch(JdbcTemplate jdbc, String table, List<String> columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.columns = List.copyOf(columns);
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
        int perStatement = Math.max(1, MAX_PARAMETERS / columns.size());
        for (int from = 0; from < rows.size(); from += perStatement) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
            jdbc.update(connection -> insert(connection, chunk));
        }
        rows.clear();
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
