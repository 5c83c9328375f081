package org.chronicle.query.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.chronicle.api.Figure;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.report.Extent;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.SourceRef;

/**
 * Counting rules 1 to 4 of API.md, "as known at" and "as reported by" included, evaluated the plain way: over the whole list of events, in
 * memory, with no tables and nothing shared with the service's code. The property test holds the
 * service's answers against this.
 */
final class PlainRules {

    /** Bounds of a figure, one at a time: low, best, high (null = unknown). */
    private static final List<Function<Figure, Long>> BOUNDS = List.of(Figure::low, Figure::best, Figure::high);
    private static final List<Function<Casualties, Figure>> MEASURES = List.of(Casualties::killed, Casualties::wounded);

    private final ChronicleDefinition chronicle;
    /** Rule 1: each report's effective content, and the recording order of the version that made it. */
    private final Map<String, Effective> effective = new LinkedHashMap<>();
    /** Where each report was first recorded, in the order of the story. */
    private final Map<String, Integer> firstOrder = new HashMap<>();

    /** Each report known then: its version, status and date, for the reports of a day. */
    private final Map<String, Listed> listed = new LinkedHashMap<>();

    /** The rules over the whole story. */
    PlainRules(Story story) {
        this(story, null, null);
    }

    /**
     * The rules over the events known at {@code knownAt} (recorded at or before it) and reported
     * by {@code reportedBy} (counting from the earliest publication day of their own sources, or
     * from the day they were recorded); either may be null for no limit. The latest of a report's
     * events kept decides: a correction or a reinstatement makes it count with its latest
     * content, a retraction or a duplicate mark makes it count nothing.
     */
    PlainRules(Story story, Instant knownAt, LocalDate reportedBy) {
        this.chronicle = story.chronicle();
        Map<String, ReportContent> latest = new HashMap<>();
        Map<String, Integer> latestOrder = new HashMap<>();
        Map<String, Boolean> counts = new HashMap<>();
        for (int order = 0; order < story.events().size(); order++) {
            Story.Recorded event = story.events().get(order);
            String id = event.reportId();
            firstOrder.putIfAbsent(id, order);
            if (knownAt != null && event.recordedAt().isAfter(knownAt)
                    || reportedBy != null && reportedOn(event).isAfter(reportedBy)) {
                continue;
            }
            String status;
            if (event.payload() instanceof ReportRecorded recorded) {
                latest.put(id, recorded.report());
                latestOrder.put(id, order);
                counts.put(id, true);
                status = "ACTIVE";
            } else if (event.payload() instanceof ReportCorrected corrected) {
                latest.put(id, corrected.report());
                latestOrder.put(id, order);
                counts.put(id, true);
                status = "CORRECTED";
            } else if (event.payload() instanceof ReportRetracted) {
                counts.put(id, false);
                status = "RETRACTED";
            } else if (event.payload() instanceof ReportMarkedDuplicate) {
                counts.put(id, false);
                status = "DUPLICATE";
            } else {
                counts.put(id, true);
                latestOrder.put(id, order);
                status = "CORRECTED";
            }
            if (latest.containsKey(id)) {
                listed.put(id, new Listed(id, event.version(), status, latest.get(id).date()));
            }
        }
        latest.forEach((id, content) -> {
            if (counts.get(id)) {
                effective.put(id, new Effective(id, content, latestOrder.get(id)));
            }
        });
    }

    /** The day from which an event counts in the news, straight from the contract's words. */
    static LocalDate reportedOn(Story.Recorded event) {
        List<SourceRef> sources = event.payload() instanceof ReportRecorded recorded ? recorded.report().sources()
                : event.payload() instanceof ReportCorrected corrected ? corrected.sources()
                : List.of();
        LocalDate earliest = null;
        for (SourceRef source : sources) {
            if (source.publishedOn() != null && (earliest == null || source.publishedOn().isBefore(earliest))) {
                earliest = source.publishedOn();
            }
        }
        return earliest != null ? earliest : LocalDate.ofInstant(event.recordedAt(), ZoneOffset.UTC);
    }

    /** The reports dated {@code day}, whatever their status, in the order they were first recorded. */
    List<Map<String, Object>> reports(LocalDate day) {
        return listed.values().stream()
                .filter(r -> day.equals(r.date()))
                .sorted(Comparator.comparing(r -> firstOrder.get(r.reportId())))
                .map(r -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("reportId", r.reportId());
                    entry.put("version", r.version());
                    entry.put("status", r.status());
                    return entry;
                })
                .toList();
    }

    /** Rule 2: per party, the figures of the effective reports dated that day, bounds summed apart. */
    Map<String, Map<String, Figure>> day(LocalDate day) {
        Map<String, Map<String, Figure>> result = new TreeMap<>();
        for (Effective report : effective.values()) {
            if (report.content().date() != null && report.content().date().equals(day)) {
                for (Casualties c : report.content().casualties()) {
                    add(result, c.party().id(), "killed", c.killed());
                    add(result, c.party().id(), "wounded", c.wounded());
                }
            }
        }
        return result;
    }

    /** Rule 3, bound by bound. */
    Map<String, Map<String, Figure>> cumulative(LocalDate through) {
        List<Effective> dated = effective.values().stream()
                .filter(r -> r.content().date() != null && !r.content().date().isAfter(through)).toList();
        List<Effective> claims = effective.values().stream()
                .filter(r -> r.content().period() != null && !r.content().period().end().isAfter(through))
                .sorted(Comparator.<Effective, LocalDate>comparing(r -> r.content().period().end())
                        .thenComparing(r -> r.content().period().start(), Comparator.reverseOrder())
                        .thenComparing(Effective::order))
                .toList();
        TreeSet<String> parties = new TreeSet<>();
        dated.forEach(r -> r.content().casualties().forEach(c -> parties.add(c.party().id())));
        claims.forEach(r -> r.content().casualties().forEach(c -> parties.add(c.party().id())));
        Map<String, Map<String, Figure>> result = new TreeMap<>();
        for (String party : parties) {
            for (int m = 0; m < MEASURES.size(); m++) {
                Figure total = measure(party, MEASURES.get(m), dated, claims);
                if (total != null) {
                    result.computeIfAbsent(party, p -> new TreeMap<>()).put(m == 0 ? "killed" : "wounded", total);
                }
            }
        }
        return result;
    }

    private Figure measure(String party, Function<Casualties, Figure> measure, List<Effective> dated,
                           List<Effective> claims) {
        boolean present = false;
        Long[] totals = new Long[3];
        for (int b = 0; b < 3; b++) {
            Function<Figure, Long> bound = BOUNDS.get(b);
            Long base = 0L;
            for (Effective r : dated) {
                Figure f = figure(r, party, measure);
                if (f != null) {
                    present = true;
                    base = base == null || bound.apply(f) == null ? null : base + bound.apply(f);
                }
            }
            Map<Effective, Long> added = new HashMap<>();
            for (Effective claim : claims) {
                Figure claimed = figure(claim, party, measure);
                if (claimed == null) {
                    continue;
                }
                present = true;
                if (bound.apply(claimed) == null) {
                    added.put(claim, 0L);
                    continue;
                }
                Long attributed = 0L;
                for (Effective r : dated) {
                    Figure f = figure(r, party, measure);
                    if (f != null && claim.content().period().contains(r.content().date())
                            && within(r.content().area(), claim.content().area())) {
                        attributed = attributed == null || bound.apply(f) == null ? null : attributed + bound.apply(f);
                    }
                }
                for (Map.Entry<Effective, Long> earlier : added.entrySet()) {
                    Effective e = earlier.getKey();
                    if (claim.content().period().contains(e.content().period())
                            && within(e.content().area(), claim.content().area()) && attributed != null) {
                        attributed += earlier.getValue();
                    }
                }
                added.put(claim, attributed == null ? 0L : Math.max(0, bound.apply(claimed) - attributed));
            }
            Long sum = base;
            for (Long a : added.values()) {
                sum = sum == null ? null : sum + a;
            }
            totals[b] = sum;
        }
        return present ? new Figure(totals[0], totals[1], totals[2]) : null;
    }

    private boolean within(String area, String ancestor) {
        for (String at = area; at != null; at = chronicle.area(at).map(Area::parent).orElse(null)) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static Figure figure(Effective report, String party, Function<Casualties, Figure> measure) {
        return report.content().casualties().stream().filter(c -> c.party().id().equals(party))
                .map(measure).filter(f -> f != null).findFirst().orElse(null);
    }

    private static void add(Map<String, Map<String, Figure>> result, String party, String measure, Figure figure) {
        if (figure != null) {
            result.computeIfAbsent(party, p -> new TreeMap<>()).merge(measure, figure, Figure::plus);
        }
    }

    /**
     * Rule 4, for every area: the latest effective CONTROL_CHANGE dated by the day on the area or
     * FULL on an area above it (same date: first recorded last), else the initial control of the
     * area or its nearest area above with one; contested when the winner is PARTIAL, a newer
     * PARTIAL change lies above, or a CLASH is dated that day in the area or above it.
     */
    List<Map<String, Object>> control(LocalDate day) {
        List<Effective> changes = effective.values().stream()
                .filter(r -> r.content().type() == ReportType.CONTROL_CHANGE && r.content().date() != null
                        && !r.content().date().isAfter(day))
                .toList();
        Comparator<Effective> newer = Comparator.<Effective, LocalDate>comparing(r -> r.content().date())
                .thenComparing(r -> firstOrder.get(r.reportId()));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Area area : chronicle.areas()) {
            String a = area.id();
            Effective winner = null;
            for (Effective r : changes) {
                boolean qualifies = r.content().area().equals(a)
                        || (r.content().control().extent() == Extent.FULL && strictlyAbove(r.content().area(), a));
                if (qualifies && (winner == null || newer.compare(r, winner) > 0)) {
                    winner = r;
                }
            }
            boolean contested = false;
            for (Effective r : changes) {
                if (r.content().control().extent() == Extent.PARTIAL && strictlyAbove(r.content().area(), a)
                        && (winner == null || newer.compare(r, winner) > 0)) {
                    contested = true;
                }
            }
            for (Effective r : effective.values()) {
                if (r.content().type() == ReportType.CLASH && day.equals(r.content().date())
                        && within(a, r.content().area())) {
                    contested = true;
                }
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("area", a);
            if (winner == null) {
                entry.put("side", initialSide(a));
                entry.put("extent", "FULL");
                entry.put("since", chronicle.period().start().toString());
                entry.put("contested", contested);
                entry.put("decidedBy", List.of());
            } else {
                boolean own = winner.content().area().equals(a);
                String extent = own ? winner.content().control().extent().name() : "FULL";
                entry.put("side", winner.content().control().to());
                entry.put("extent", extent);
                entry.put("since", winner.content().date().toString());
                entry.put("contested", contested || extent.equals("PARTIAL"));
                entry.put("decidedBy", List.of(winner.reportId()));
            }
            result.add(entry);
        }
        return result;
    }

    private boolean strictlyAbove(String ancestor, String area) {
        return !ancestor.equals(area) && within(area, ancestor);
    }

    private String initialSide(String area) {
        for (String at = area; at != null; at = chronicle.area(at).map(Area::parent).orElse(null)) {
            for (InitialControl initial : chronicle.initialControl()) {
                if (initial.area().equals(at)) {
                    return initial.side();
                }
            }
        }
        return null;
    }

    private record Effective(String reportId, ReportContent content, int order) {
    }

    private record Listed(String reportId, long version, String status, LocalDate date) {
    }
}
