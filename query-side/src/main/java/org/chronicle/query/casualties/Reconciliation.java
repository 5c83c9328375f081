package org.chronicle.query.casualties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.chronicle.api.Figure;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.AreaTree;
import org.chronicle.api.chronicle.ChronicleDefinition;

/**
 * Counting rule 3: the cumulative count through a day starts from the sum of the day figures up
 * to it; then the period claims that end by that day are applied in order (end date; on the same
 * end date a later start first; then the earlier recorded first). Each raises the count
 * attributed to it (the day figures inside its period and its area, sub-areas included, plus
 * what earlier-applied claims inside it added) to at least its own figure, per party and per
 * bound. An unknown high in a claim raises nothing.
 *
 * <p>Since claims apply in the order of their end dates, the claims applied through a day are a
 * prefix of that order, and what each adds does not depend on the day asked for: it is worked
 * out once per claim, and a day's count is the day figures up to it plus what the claims ending
 * by it added. The day figures are indexed by area with running sums, so the figures inside a
 * claim are a few subtractions, not a scan.
 */
final class Reconciliation {

    /** The summed figures of one party in one area on one day. */
    record DayFigure(LocalDate day, String area, String party, PartyCasualties casualties) {
    }

    /** One party's figures in one claim, over its period and area. */
    record Claim(Period period, String area, String party, PartyCasualties casualties) {
    }

    private static final List<Function<PartyCasualties, Figure>> MEASURES =
            List.of(PartyCasualties::killed, PartyCasualties::wounded);

    private final AreaTree tree;

    Reconciliation(ChronicleDefinition chronicle) {
        this.tree = AreaTree.of(chronicle);
    }

    /**
     * @param days   the day figures up to the day asked for
     * @param claims the claims ending by that day, already in the order of application
     */
    Map<String, PartyCasualties> cumulative(List<DayFigure> days, List<Claim> claims) {
        LocalDate last = days.stream().map(DayFigure::day).max(LocalDate::compareTo).orElse(LocalDate.MIN);
        for (Claim claim : claims) {
            last = claim.period().end().isAfter(last) ? claim.period().end() : last;
        }
        return eachDay(days, claims, List.of(last)).get(last);
    }

    /**
     * The cumulative count through each of {@code through} (in order), from all the day figures
     * and all the claims in the order of application: one pass, however many days.
     */
    Map<LocalDate, Map<String, PartyCasualties>> eachDay(List<DayFigure> days, List<Claim> claims,
                                                         List<LocalDate> through) {
        Set<String> parties = new TreeSet<>();
        days.forEach(d -> parties.add(d.party()));
        claims.forEach(c -> parties.add(c.party()));
        Map<LocalDate, Map<String, PartyCasualties>> result = new TreeMap<>();
        through.forEach(day -> result.put(day, new TreeMap<>()));
        for (String party : parties) {
            List<DayFigure> ofDays = days.stream().filter(d -> d.party().equals(party)).toList();
            List<Claim> ofClaims = claims.stream().filter(c -> c.party().equals(party)).toList();
            List<Map<LocalDate, Figure>> measured = new ArrayList<>();
            for (Function<PartyCasualties, Figure> measure : MEASURES) {
                measured.add(measure(ofDays, ofClaims, measure, through));
            }
            for (LocalDate day : through) {
                Figure killed = measured.get(0).get(day);
                Figure wounded = measured.get(1).get(day);
                if (killed != null || wounded != null) {
                    result.get(day).put(party, new PartyCasualties(killed, wounded));
                }
            }
        }
        return result;
    }

    /** One party's one measure through each day: null where nothing was reported by then. */
    private Map<LocalDate, Figure> measure(List<DayFigure> days, List<Claim> claims,
                                           Function<PartyCasualties, Figure> measure, List<LocalDate> through) {
        Index index = new Index(days, measure);
        List<Applied> applied = new ArrayList<>();
        Map<String, List<Applied>> appliedByArea = new HashMap<>();
        for (Claim claim : claims) {
            Figure claimed = measure.apply(claim.casualties());
            if (claimed != null) {
                Figure attributed = attributed(claim, index, appliedByArea);
                long low = Math.max(0, claimed.low() - attributed.low());
                long best = Math.max(0, claimed.best() - attributed.best());
                long high = claimed.high() == null || attributed.high() == null ? 0
                        : Math.max(0, claimed.high() - attributed.high());
                Applied done = new Applied(claim, new Figure(low, best, high));
                applied.add(done);
                appliedByArea.computeIfAbsent(claim.area(), a -> new ArrayList<>()).add(done);
            }
        }
        Map<LocalDate, Figure> result = new HashMap<>();
        int next = 0;
        Figure added = null;
        for (LocalDate day : through) {
            while (next < applied.size() && !applied.get(next).claim().period().end().isAfter(day)) {
                added = added == null ? applied.get(next).added() : added.plus(applied.get(next).added());
                next++;
            }
            Figure base = index.through(day);
            result.put(day, base == null && added == null ? null
                    : (base == null ? Figure.ZERO : base).plus(added == null ? Figure.ZERO : added));
        }
        return result;
    }

    /**
     * The day figures inside the claim, plus what the claims applied before it and inside it
     * added: only the areas within the claim's are looked at, each a couple of lookups.
     */
    private Figure attributed(Claim claim, Index index, Map<String, List<Applied>> appliedByArea) {
        Figure inside = Figure.ZERO;
        for (String area : tree.within(claim.area())) {
            inside = inside.plus(index.between(area, claim.period()));
            for (Applied earlier : appliedByArea.getOrDefault(area, List.of())) {
                if (claim.period().contains(earlier.claim().period())) {
                    inside = inside.plus(earlier.added());
                }
            }
        }
        return inside;
    }

    private record Applied(Claim claim, Figure added) {
    }

    /**
     * One measure's day figures with running sums, per area and over all areas: the sum over any
     * run of days is two lookups. An unknown high anywhere in the run makes the run's high unknown.
     */
    private static final class Index {

        private final Map<String, NavigableMap<LocalDate, Running>> byArea = new HashMap<>();
        private final NavigableMap<LocalDate, Running> all = new TreeMap<>();

        Index(List<DayFigure> days, Function<PartyCasualties, Figure> measure) {
            Map<String, NavigableMap<LocalDate, Figure>> perArea = new HashMap<>();
            NavigableMap<LocalDate, Figure> perDay = new TreeMap<>();
            for (DayFigure day : days) {
                Figure figure = measure.apply(day.casualties());
                if (figure != null) {
                    perArea.computeIfAbsent(day.area(), a -> new TreeMap<>()).merge(day.day(), figure, Figure::plus);
                    perDay.merge(day.day(), figure, Figure::plus);
                }
            }
            perArea.forEach((area, figures) -> byArea.put(area, running(figures)));
            all.putAll(running(perDay));
        }

        /** The sum of every area's figures up to and including {@code day}; null when none. */
        Figure through(LocalDate day) {
            Map.Entry<LocalDate, Running> at = all.floorEntry(day);
            return at == null ? null : at.getValue().figure();
        }

        /** The sum of the area's figures on the days of the period. */
        Figure between(String area, Period period) {
            NavigableMap<LocalDate, Running> sums = byArea.get(area);
            if (sums == null) {
                return Figure.ZERO;
            }
            Map.Entry<LocalDate, Running> end = sums.floorEntry(period.end());
            if (end == null) {
                return Figure.ZERO;
            }
            Map.Entry<LocalDate, Running> before = sums.lowerEntry(period.start());
            return before == null ? end.getValue().figure() : end.getValue().minus(before.getValue());
        }

        private static NavigableMap<LocalDate, Running> running(NavigableMap<LocalDate, Figure> figures) {
            NavigableMap<LocalDate, Running> sums = new TreeMap<>();
            Running total = Running.NONE;
            for (Map.Entry<LocalDate, Figure> day : figures.entrySet()) {
                total = total.plus(day.getValue());
                sums.put(day.getKey(), total);
            }
            return sums;
        }
    }

    /** Running sums of low, best and the known highs, with the number of unknown highs so far. */
    private record Running(long low, long best, long high, long unknownHighs) {

        static final Running NONE = new Running(0, 0, 0, 0);

        Running plus(Figure figure) {
            return new Running(low + figure.low(), best + figure.best(),
                    high + (figure.high() == null ? 0 : figure.high()), unknownHighs + (figure.high() == null ? 1 : 0));
        }

        Figure minus(Running earlier) {
            return new Figure(low - earlier.low, best - earlier.best,
                    unknownHighs - earlier.unknownHighs > 0 ? null : high - earlier.high);
        }

        Figure figure() {
            return new Figure(low, best, unknownHighs > 0 ? null : high);
        }
    }
}
