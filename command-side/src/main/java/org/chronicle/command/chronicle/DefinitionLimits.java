package org.chronicle.command.chronicle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.chronicle.api.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a chronicle's definition may be ({@code chronicle.limits.*}). Every read of a day
 * walks the period and the area tree, so an unbounded definition is a read that never ends: a
 * period of ten thousand years, or twenty thousand areas in one chain. The defaults leave room
 * for any war: a century of days, and ten times the areas and sides of UCDP's sample of one year.
 *
 * @param periodDays the most days a period may span, both ends included
 * @param areas      the most areas a chronicle may define
 * @param sides      the most sides a chronicle may define
 * @param areaDepth  the most areas in a chain from a top-level area down, the area itself included
 */
@ConfigurationProperties("chronicle.limits")
public record DefinitionLimits(@DefaultValue("36600") int periodDays, @DefaultValue("20000") int areas,
                               @DefaultValue("5000") int sides, @DefaultValue("16") int areaDepth) {

    /** The first and last years a day may fall in: what every store and format can hold. */
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    public static DefinitionLimits defaults() {
        return new DefinitionLimits(36_600, 20_000, 5_000, 16);
    }

    public static boolean isInYears(LocalDate day) {
        return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR;
    }

    /** The period's days, both ends included. */
    public static long length(Period period) {
        return ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
    }

    /** Whether a period from {@code start} to {@code end} keeps to the years and the length. */
    public boolean admits(LocalDate start, LocalDate end) {
        return isInYears(start) && isInYears(end) && !end.isBefore(start)
                && length(new Period(start, end)) <= periodDays;
    }
}
