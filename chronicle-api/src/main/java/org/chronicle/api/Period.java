package org.chronicle.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Days from {@code start} to {@code end}, both included. */
public record Period(LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public boolean contains(Period other) {
        return contains(other.start) && contains(other.end);
    }

    @JsonIgnore
    public boolean isOrdered() {
        return start != null && end != null && !end.isBefore(start);
    }

    public Stream<LocalDate> days() {
        return start.datesUntil(end.plusDays(1));
    }
}
