package org.chronicle.query;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The two time axes of a read besides the battle's own days: {@code asKnownAt}, what the
 * chronicle held at an instant, and {@code asReportedBy}, the news as it stood on a day. Either
 * or both may be absent; with neither, a read gives the chronicle as it stands now.
 *
 * <p>A version of a report counts when it was known and reported by then, and no later event on
 * the same report (a correction, retraction, reinstatement or duplicate mark) was. The answer is
 * read from the versioned rows; no event is replayed for a read. Along one axis, the later
 * events are summed up by a column of the row: {@code replaced_at}, the earliest instant among
 * them, or {@code replaced_on}, the earliest day in the news; along both, they are looked for.
 */
public record AsOf(Instant knownAt, LocalDate reportedBy) {

    public static final AsOf NOW = new AsOf(null, null);

    public boolean isNow() {
        return knownAt == null && reportedBy == null;
    }

    /**
     * The condition that the version in the row aliased {@code row} counts, given the table that
     * holds every event on the reports ({@code events}, which may be the rows' own table).
     */
    public Condition counts(String row, String events) {
        if (isNow()) {
            return new Condition(row + ".replaced_at IS NULL", List.of());
        }
        if (reportedBy == null) {
            return alongOneAxis(row, "recorded_at", "replaced_at", Timestamp.from(knownAt));
        }
        if (knownAt == null) {
            return alongOneAxis(row, "reported_on", "replaced_on", Date.valueOf(reportedBy));
        }
        List<Object> params = new ArrayList<>();
        String sql = visible(row, params)
                + " AND NOT EXISTS (SELECT 1 FROM " + events + " later WHERE later.chronicle_id = " + row
                + ".chronicle_id AND later.report_id = " + row + ".report_id AND later.version > " + row + ".version AND "
                + visible("later", params) + ")";
        return new Condition(sql, params);
    }

    /**
     * Along one axis, a later event by then exists exactly when the earliest of them, which the
     * row keeps in {@code replaced}, was by then.
     */
    private static Condition alongOneAxis(String row, String since, String replaced, Object then) {
        return new Condition(row + "." + since + " <= ? AND (" + row + "." + replaced + " IS NULL OR " + row + "."
                + replaced + " > ?)", List.of(then, then));
    }

    /** The condition that the row aliased {@code row} was known and reported by then. */
    public Condition known(String row) {
        List<Object> params = new ArrayList<>();
        return new Condition(isNow() ? "1 = 1" : visible(row, params), params);
    }

    private String visible(String row, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (knownAt != null) {
            parts.add(row + ".recorded_at <= ?");
            params.add(Timestamp.from(knownAt));
        }
        if (reportedBy != null) {
            parts.add(row + ".reported_on <= ?");
            params.add(Date.valueOf(reportedBy));
        }
        return String.join(" AND ", parts);
    }

    /** A piece of SQL and its parameters, in the order of its placeholders. */
    public record Condition(String sql, List<Object> params) {

        /** The parameters of a statement: those before this condition, its own, then those after. */
        public Object[] around(List<Object> before, Object... after) {
            List<Object> all = new ArrayList<>(before);
            all.addAll(params);
            all.addAll(List.of(after));
            return all.toArray();
        }
    }
}
