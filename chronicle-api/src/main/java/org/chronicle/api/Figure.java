package org.chronicle.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A count as sources give it: a low, a best and a high estimate. A {@code null} high is an unknown
 * upper bound ("at least {@code low}").
 *
 * <p>The record does not refuse a broken figure: the command side names the offending field when it
 * validates a request, and the aggregates refuse one before any event exists.
 */
public record Figure(long low, long best, Long high) {

    public static final Figure ZERO = exactly(0);

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Figure {
    }

    /** The shorthand of the contract: a bare number {@code n} is {@code {n, n, n}}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Figure exactly(long n) {
        return new Figure(n, n, n);
    }

    public static Figure atLeast(long n) {
        return new Figure(n, n, null);
    }

    @JsonIgnore
    public boolean highKnown() {
        return high != null;
    }

    /** Whether {@code 0 <= low <= best <= high} holds, {@code high} only where it is known. */
    @JsonIgnore
    public boolean isOrdered() {
        return 0 <= low && low <= best && (high == null || best <= high);
    }

    /** Bounds add separately; an unknown high makes the sum's high unknown. */
    public Figure plus(Figure other) {
        Long sumHigh = high == null || other.high == null ? null : high + other.high;
        return new Figure(low + other.low, best + other.best, sumHigh);
    }
}
