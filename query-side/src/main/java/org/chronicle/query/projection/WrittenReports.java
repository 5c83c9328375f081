package org.chronicle.query.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The reports a batch of events wrote rows for, by chronicle: what is worked out from all of a
 * report's events (when each version was replaced, the day sums) is worked out again for these.
 */
public final class WrittenReports {

    /** Reports named in one statement at most. */
    private static final int PER_STATEMENT = 1_000;

    private final Map<String, Set<String>> reports = new LinkedHashMap<>();

    public void add(String chronicleId, String reportId) {
        reports.computeIfAbsent(chronicleId, c -> new LinkedHashSet<>()).add(reportId);
    }

    public boolean isEmpty() {
        return reports.isEmpty();
    }

    public void clear() {
        reports.clear();
    }

    /** Each chronicle with its reports, a statement's worth at a time. */
    public void forEach(BiConsumer<String, List<String>> action) {
        reports.forEach((chronicleId, ids) -> {
            List<String> all = List.copyOf(ids);
            for (int from = 0; from < all.size(); from += PER_STATEMENT) {
                action.accept(chronicleId, all.subList(from, Math.min(all.size(), from + PER_STATEMENT)));
            }
        });
    }

    /** {@code column IN (?, ...)} for {@code ids}. */
    public static String in(String column, List<String> ids) {
        return column + " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
    }

    /** The chronicle's id, then the reports' ids. */
    public static Object[] arguments(String chronicleId, List<String> ids) {
        List<Object> arguments = new ArrayList<>(ids.size() + 1);
        arguments.add(chronicleId);
        arguments.addAll(ids);
        return arguments.toArray();
    }
}
