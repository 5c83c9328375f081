package org.chronicle.query.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.AreaTree;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.report.Extent;

/**
 * Counting rule 4. Control of area A on day D comes from the effective CONTROL_CHANGE reports
 * dated on or before D on A itself, or with extent FULL on any area above A. The latest date
 * wins; on the same date the report first recorded last. With none, the initial control of A or
 * of its nearest area above that has one holds. {@code contested} is true when the winner's
 * extent is PARTIAL, when a PARTIAL change on an area above A is newer than the winner, or when
 * a CLASH report is dated D in A or an area above it.
 *
 * <p>So an area's control depends only on the newest change on itself, and the newest FULL and
 * newest PARTIAL change on each area above it: a {@link Standing} keeps just those as changes are
 * added in order of date, and a day of the whole chronicle costs its areas times their depth,
 * however many changes came before.
 */
final class ControlRule {

    /** An effective control change dated on or before the day asked for. */
    record Change(String reportId, String area, LocalDate day, String side, Extent extent, long firstPosition) {
    }

    private static final Comparator<Change> NEWER = Comparator.comparing(Change::day)
            .thenComparingLong(Change::firstPosition);

    private final ChronicleDefinition chronicle;
    private final AreaTree tree;
    private final Map<String, String> initialSides = new HashMap<>();

    ControlRule(ChronicleDefinition chronicle) {
        this.chronicle = chronicle;
        this.tree = AreaTree.of(chronicle);
        chronicle.areas().forEach(area -> initialSides.computeIfAbsent(area.id(), this::initialSide));
    }

    /**
     * @param changes    the effective changes dated on or before the day
     * @param clashAreas the areas with an effective CLASH report dated that day
     */
    List<AreaControl> on(List<Change> changes, Set<String> clashAreas) {
        Standing standing = standing();
        changes.forEach(standing::add);
        return standing.on(clashAreas);
    }

    /** No change known yet: add them in order of date to follow control day by day. */
    Standing standing() {
        return new Standing();
    }

    /** The changes known so far, as the newest of each kind on each area. */
    final class Standing {

        private final Map<String, Change> newest = new HashMap<>();
        private final Map<String, Change> newestFull = new HashMap<>();
        private final Map<String, Change> newestPartial = new HashMap<>();

        void add(Change change) {
            keepNewer(newest, change);
            keepNewer(change.extent() == Extent.FULL ? newestFull : newestPartial, change);
        }

        /** Every area of the chronicle, as the changes added so far leave it on a day with these clashes. */
        List<AreaControl> on(Set<String> clashAreas) {
            List<AreaControl> control = new ArrayList<>();
            for (Area area : chronicle.areas()) {
                control.add(of(area.id(), clashAreas));
            }
            return control;
        }

        private AreaControl of(String area, Set<String> clashAreas) {
            List<String> above = tree.above(area);
            Change winner = newest.get(area);
            for (String ancestor : above) {
                winner = newer(winner, newestFull.get(ancestor));
            }
            boolean clash = clashAreas.contains(area);
            boolean partialAboveIsNewer = false;
            for (String ancestor : above) {
                clash |= clashAreas.contains(ancestor);
                Change partial = newestPartial.get(ancestor);
                partialAboveIsNewer |= partial != null && (winner == null || NEWER.compare(partial, winner) > 0);
            }
            if (winner == null) {
                return new AreaControl(area, initialSides.get(area), Extent.FULL, chronicle.period().start(),
                        partialAboveIsNewer || clash, List.of());
            }
            Extent extent = winner.area().equals(area) ? winner.extent() : Extent.FULL;
            return new AreaControl(area, winner.side(), extent, winner.day(),
                    extent == Extent.PARTIAL || partialAboveIsNewer || clash, List.of(winner.reportId()));
        }
    }

    private static void keepNewer(Map<String, Change> newest, Change change) {
        newest.merge(change.area(), change, ControlRule::newer);
    }

    /** The newer of two changes, either of which may be missing; the first of two equally new. */
    private static Change newer(Change a, Change b) {
        return a == null ? b : b == null || NEWER.compare(a, b) >= 0 ? a : b;
    }

    private String initialSide(String area) {
        for (String at : chainFrom(area)) {
            for (InitialControl initial : chronicle.initialControl()) {
                if (initial.area().equals(at)) {
                    return initial.side();
                }
            }
        }
        return null;
    }

    /** The area, then the areas above it. */
    private List<String> chainFrom(String area) {
        List<String> chain = new ArrayList<>(List.of(area));
        chain.addAll(tree.above(area));
        return chain;
    }
}
