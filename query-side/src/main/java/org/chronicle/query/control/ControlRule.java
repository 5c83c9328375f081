package org.chronicle.query.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chronicle.api.chronicle.Area;
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
 */
final class ControlRule {

    /** An effective control change dated on or before the day asked for. */
    record Change(String reportId, String area, LocalDate day, String side, Extent extent, long firstPosition) {
    }

    private static final Comparator<Change> NEWER = Comparator.comparing(Change::day)
            .thenComparingLong(Change::firstPosition);

    private final ChronicleDefinition chronicle;

    ControlRule(ChronicleDefinition chronicle) {
        this.chronicle = chronicle;
    }

    /**
     * @param changes    the effective changes dated on or before the day
     * @param clashAreas the areas with an effective CLASH report dated that day
     */
    List<AreaControl> on(List<Change> changes, Set<String> clashAreas) {
        List<AreaControl> control = new ArrayList<>();
        for (Area area : chronicle.areas()) {
            control.add(of(area.id(), changes, clashAreas));
        }
        return control;
    }

    private AreaControl of(String area, List<Change> changes, Set<String> clashAreas) {
        Optional<Change> winner = changes.stream()
                .filter(c -> c.area().equals(area) || (c.extent() == Extent.FULL && above(c.area(), area)))
                .max(NEWER);
        boolean clash = clashAreas.stream().anyMatch(clashed -> chronicle.isWithin(area, clashed));
        boolean partialAboveIsNewer = changes.stream()
                .filter(c -> c.extent() == Extent.PARTIAL && above(c.area(), area))
                .anyMatch(c -> winner.isEmpty() || NEWER.compare(c, winner.get()) > 0);
        if (winner.isEmpty()) {
            return new AreaControl(area, initialSide(area), Extent.FULL, chronicle.period().start(),
                    partialAboveIsNewer || clash, List.of());
        }
        Change won = winner.get();
        Extent extent = won.area().equals(area) ? won.extent() : Extent.FULL;
        return new AreaControl(area, won.side(), extent, won.day(),
                extent == Extent.PARTIAL || partialAboveIsNewer || clash, List.of(won.reportId()));
    }

    /** Whether {@code ancestor} lies strictly above {@code area}. */
    private boolean above(String ancestor, String area) {
        return !ancestor.equals(area) && chronicle.isWithin(area, ancestor);
    }

    private String initialSide(String area) {
        for (String at = area; at != null; at = chronicle.area(at).map(Area::parent).orElse(null)) {
            String current = at;
            Optional<String> side = chronicle.initialControl().stream()
                    .filter(i -> i.area().equals(current)).map(InitialControl::side).findFirst();
            if (side.isPresent()) {
                return side.get();
            }
        }
        return null;
    }
}
