package org.chronicle.query.casualties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.chronicle.api.Figure;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.ChronicleDefinition;

/**
 * Counting rule 3: the cumulative count through a day starts from the sum of the day figures up
 * to it; then the period claims that end by that day are applied in order (end date; on the same
 * end date a later start first; then the earlier recorded first). Each raises the count
 * attributed to it (the day figures inside its period and its area, sub-areas included, plus
 * what earlier-applied claims inside it added) to at least its own figure, per party and per
 * bound. An unknown high in a claim raises nothing.
 */
final class Reconciliation {

    /** The summed figures of one party in one area on one day. */
    record DayFigure(LocalDate day, String area, String party, PartyCasualties casualties) {
    }

    /** One party's figures in one claim, over its period and area. */
    record Claim(Period period, String area, String party, PartyCasualties casualties) {
    }

    private final ChronicleDefinition chronicle;

    Reconciliation(ChronicleDefinition chronicle) {
        this.chronicle = chronicle;
    }

    /**
     * @param days   the day figures up to the day asked for
     * @param claims the claims ending by that day, already in the order of application
     */
    Map<String, PartyCasualties> cumulative(List<DayFigure> days, List<Claim> claims) {
        Set<String> parties = new TreeSet<>();
        days.forEach(d -> parties.add(d.party()));
        claims.forEach(c -> parties.add(c.party()));
        Map<String, PartyCasualties> result = new TreeMap<>();
        for (String party : parties) {
            List<DayFigure> ofDays = days.stream().filter(d -> d.party().equals(party)).toList();
            List<Claim> ofClaims = claims.stream().filter(c -> c.party().equals(party)).toList();
            Figure killed = measure(ofDays, ofClaims, PartyCasualties::killed);
            Figure wounded = measure(ofDays, ofClaims, PartyCasualties::wounded);
            result.put(party, new PartyCasualties(killed, wounded));
        }
        return result;
    }

    private Figure measure(List<DayFigure> days, List<Claim> claims, Function<PartyCasualties, Figure> measure) {
        Figure base = sum(days.stream().map(d -> measure.apply(d.casualties())).toList());
        List<Applied> applied = new ArrayList<>();
        for (Claim claim : claims) {
            Figure claimed = measure.apply(claim.casualties());
            if (claimed == null) {
                continue;
            }
            Figure attributed = attributed(claim, days, applied, measure);
            long low = Math.max(0, claimed.low() - attributed.low());
            long best = Math.max(0, claimed.best() - attributed.best());
            long high = claimed.high() == null || attributed.high() == null ? 0
                    : Math.max(0, claimed.high() - attributed.high());
            applied.add(new Applied(claim, new Figure(low, best, high)));
        }
        if (base == null && applied.isEmpty()) {
            return null;
        }
        Figure total = base == null ? Figure.ZERO : base;
        for (Applied a : applied) {
            total = total.plus(a.added());
        }
        return total;
    }

    /** The day figures inside the claim, plus what the claims applied before it and inside it added. */
    private Figure attributed(Claim claim, List<DayFigure> days, List<Applied> applied,
                              Function<PartyCasualties, Figure> measure) {
        Figure inside = Figure.ZERO;
        for (DayFigure day : days) {
            Figure figure = measure.apply(day.casualties());
            if (figure != null && claim.period().contains(day.day()) && chronicle.isWithin(day.area(), claim.area())) {
                inside = inside.plus(figure);
            }
        }
        for (Applied earlier : applied) {
            if (claim.period().contains(earlier.claim().period())
                    && chronicle.isWithin(earlier.claim().area(), claim.area())) {
                inside = inside.plus(earlier.added());
            }
        }
        return inside;
    }

    private static Figure sum(List<Figure> figures) {
        Figure total = null;
        for (Figure figure : figures) {
            if (figure != null) {
                total = total == null ? figure : total.plus(figure);
            }
        }
        return total;
    }

    private record Applied(Claim claim, Figure added) {
    }
}
