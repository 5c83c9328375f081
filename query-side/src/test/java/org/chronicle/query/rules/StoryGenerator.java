package org.chronicle.query.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.InitialControl;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ControlChange;
import org.chronicle.api.report.Extent;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;

/**
 * Random chronicles (areas with parents, one or two sides) and random histories: reports dated
 * or over a period, in any order of their days, then corrections, retractions, reinstatements and
 * duplicate marks, each only where the command side would accept it.
 */
final class StoryGenerator {

    private static final LocalDate START = LocalDate.of(2012, 1, 29);
    /** Events are recorded five hours apart from the period's start, so their days mingle with the sources'. */
    static final Instant FIRST_RECORDED = START.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Duration BETWEEN_EVENTS = Duration.ofHours(5);
    /** More than the time between events: a skewed event's instant is before the previous event's. */
    static final Duration CLOCK_SKEW = Duration.ofHours(7);
    private final Random random;

    StoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    Story story(String chronicleId) {
        ChronicleDefinition chronicle = chronicle();
        List<String> parties = new ArrayList<>(chronicle.sideIds().stream().sorted().toList());
        parties.add(Party.CIVILIANS.id());
        parties.add(Party.UNKNOWN.id());
        List<Story.Recorded> events = new ArrayList<>();
        Map<String, State> reports = new HashMap<>();
        int steps = 1 + random.nextInt(14);
        for (int step = 0; step < steps; step++) {
            int action = random.nextInt(10);
            List<String> ids = new ArrayList<>(reports.keySet());
            Collections.sort(ids);
            String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
            boolean skewed = random.nextInt(3) == 0;
            if (skewed && !events.isEmpty()) {
                // A writer behind another writer's clock goes on with a report that has a later event
                // already, the last event's if it can: the third event is the one out of order.
                String last = events.get(events.size() - 1).reportId();
                List<String> corrected = ids.stream().filter(r -> reports.get(r).version >= 2).toList();
                id = reports.get(last).version >= 2 || corrected.isEmpty() ? last
                        : corrected.get(random.nextInt(corrected.size()));
            }
            State state = id == null ? null : reports.get(id);
            if (skewed && state != null && state.counting()) {
                action = 5;
            }
            Instant slot = FIRST_RECORDED.plus(BETWEEN_EVENTS.multipliedBy(events.size() + 1));
            if (action < 5 || id == null) {
                String reportId = "r" + reports.size();
                reports.put(reportId, new State());
                events.add(next(reports.get(reportId), reportId, new ReportRecorded(chronicleId, reportId,
                        content(chronicle, parties, LocalDate.ofInstant(slot, ZoneOffset.UTC))), slot));
                continue;
            }
            Instant at = slot;
            LocalDate recordedOn = LocalDate.ofInstant(at, ZoneOffset.UTC);
            if (action < 7 && state.counting()) {
                // A correction is sometimes stamped before the event it follows, as when two writers'
                // clocks disagree, and cites older dispatches: then the earliest later event, not
                // the next, ends a version on either axis. Never before the report's first event,
                // nor for the marks, which copy the content before them: what those mean out of
                // order is not defined by the rules.
                LocalDate cited = recordedOn;
                if (skewed && slot.minus(CLOCK_SKEW).isAfter(state.first)) {
                    at = slot.minus(CLOCK_SKEW);
                    recordedOn = LocalDate.ofInstant(at, ZoneOffset.UTC);
                    cited = recordedOn.minusDays(2);
                }
                events.add(next(state, id, new ReportCorrected(chronicleId, id, state.version + 1,
                        content(chronicle, parties, recordedOn), "revised", sources(cited, recordedOn)), at));
            } else if (action == 7 && state.counting()) {
                state.retracted = true;
                events.add(next(state, id, new ReportRetracted(chronicleId, id, state.version + 1, "doubtful"), at));
            } else if (action == 8 && state.retracted) {
                state.retracted = false;
                events.add(next(state, id, new ReportReinstated(chronicleId, id, state.version + 1, "confirmed"), at));
            } else if (action == 9 && state.counting()) {
                String target = ids.get(random.nextInt(ids.size()));
                if (!target.equals(id) && reports.get(target).duplicateOf == null) {
                    state.duplicateOf = target;
                    events.add(next(state, id, new ReportMarkedDuplicate(chronicleId, id, state.version + 1, target,
                            "the same incident"), at));
                }
            }
        }
        return new Story(chronicle, FIRST_RECORDED.minus(Duration.ofDays(1)), events);
    }

    private ChronicleDefinition chronicle() {
        int areaCount = 1 + random.nextInt(4);
        List<Area> areas = new ArrayList<>();
        for (int i = 0; i < areaCount; i++) {
            String parent = i > 0 && random.nextBoolean() ? areas.get(random.nextInt(i)).id() : null;
            areas.add(new Area("area" + i, "Area " + i, parent, null));
        }
        List<Side> sides = random.nextBoolean()
                ? List.of(new Side("fsa", "Free Syrian Army"))
                : List.of(new Side("fsa", "Free Syrian Army"), new Side("government", "Syrian Arab Republic"));
        Period period = new Period(START, START.plusDays(2 + random.nextInt(4)));
        List<InitialControl> initial = new ArrayList<>();
        for (Area area : areas) {
            if (random.nextInt(3) == 0) {
                initial.add(new InitialControl(area.id(), sides.get(random.nextInt(sides.size())).id()));
            }
        }
        return new ChronicleDefinition("Generated", null, period, sides, areas, initial);
    }

    private ReportContent content(ChronicleDefinition chronicle, List<String> parties, LocalDate recordedOn) {
        Period whole = chronicle.period();
        int days = (int) (whole.end().toEpochDay() - whole.start().toEpochDay()) + 1;
        LocalDate first = whole.start().plusDays(random.nextInt(days));
        LocalDate date = null;
        Period period = null;
        int kind = random.nextInt(4);
        ReportType type = kind < 2 ? ReportType.CASUALTIES : kind == 2 ? ReportType.CONTROL_CHANGE : ReportType.CLASH;
        if (type == ReportType.CONTROL_CHANGE || random.nextInt(10) < 7) {
            date = first;
        } else {
            int rest = (int) (whole.end().toEpochDay() - first.toEpochDay());
            period = new Period(first, first.plusDays(random.nextInt(rest + 1)));
        }
        String area = chronicle.areas().get(random.nextInt(chronicle.areas().size())).id();
        List<String> shuffled = new ArrayList<>(parties);
        Collections.shuffle(shuffled, random);
        List<Casualties> casualties = new ArrayList<>();
        for (String party : shuffled.subList(0, 1 + random.nextInt(3))) {
            Figure killed = random.nextInt(10) < 7 ? figure() : null;
            Figure wounded = killed == null || random.nextInt(10) < 4 ? figure() : null;
            casualties.add(new Casualties(new Party(party), killed, wounded));
        }
        if (type != ReportType.CASUALTIES && random.nextBoolean()) {
            casualties.clear();
        }
        ControlChange control = type != ReportType.CONTROL_CHANGE ? null : new ControlChange(
                chronicle.sides().get(random.nextInt(chronicle.sides().size())).id(),
                random.nextBoolean() ? Extent.FULL : Extent.PARTIAL);
        return new ReportContent(type, date, null, period, area, "A report",
                sources(first, recordedOn), casualties, null, null, control, null);
    }

    /**
     * No source, or one or two published from {@code around} to a few days later, never after the
     * day they are recorded: a source cannot be cited before it is published.
     */
    private List<SourceRef> sources(LocalDate around, LocalDate recordedOn) {
        List<SourceRef> sources = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            LocalDate published = around.plusDays(random.nextInt(3) - 1);
            sources.add(new SourceRef("Source " + i, "Agency", published.isAfter(recordedOn) ? recordedOn : published,
                    null));
        }
        if (count > 0 && random.nextInt(4) == 0) {
            sources.add(new SourceRef("An undated source", "Agency", null, null));
        }
        return sources;
    }

    private Figure figure() {
        long low = random.nextInt(20);
        long best = low + random.nextInt(6);
        return random.nextInt(4) == 0 ? new Figure(low, best, null) : new Figure(low, best, best + random.nextInt(6));
    }

    private static Story.Recorded next(State state, String reportId, Object payload, Instant at) {
        state.version++;
        if (state.first == null) {
            state.first = at;
        }
        return new Story.Recorded(reportId, state.version, payload, at);
    }

    private static final class State {
        long version;
        Instant first;
        boolean retracted;
        String duplicateOf;

        boolean counting() {
            return !retracted && duplicateOf == null;
        }
    }
}
