package org.chronicle.query.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.chronicle.api.report.ReportStatus;
import org.chronicle.api.report.ReportType;

/**
 * What a search of the reports asks for; every part optional. {@code areas} holds the area asked
 * for and the areas below it. A report matches {@code from}/{@code to} when its day, or any day of
 * its period, lies between them.
 */
record ReportSearch(ReportType type, Collection<String> areas, LocalDate from, LocalDate to, ReportStatus status,
                    String text, int page, int size) {

    long offset() {
        return (long) page * size;
    }

    /** The SQL conditions, each beginning with AND, their parameters appended to {@code params}. */
    String conditions(List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (type != null) {
            sql.append(" AND type = ?");
            params.add(type.name());
        }
        if (areas != null) {
            sql.append(" AND area IN (").append(String.join(", ", areas.stream().map(a -> "?").toList())).append(")");
            params.addAll(areas);
        }
        if (from != null) {
            sql.append(" AND COALESCE(on_day, period_end) >= ?");
            params.add(Date.valueOf(from));
        }
        if (to != null) {
            sql.append(" AND COALESCE(on_day, period_start) <= ?");
            params.add(Date.valueOf(to));
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND search_text LIKE ? ESCAPE '!'");
            params.add("%" + escaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return sql.toString();
    }

    /** The text is matched as it is written: LIKE's wildcards in it match only themselves. */
    private static String escaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
