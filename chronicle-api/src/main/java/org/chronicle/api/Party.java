package org.chronicle.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who a casualty figure counts: a side of the chronicle by its id, or one of the reserved parties
 * {@code civilians} and {@code unknown} (as UCDP's deaths_civilians and deaths_unknown).
 */
public record Party(@JsonValue String id) {

    public static final Party CIVILIANS = new Party("civilians");
    public static final Party UNKNOWN = new Party("unknown");

    @JsonCreator
    public Party {
    }

    @JsonIgnore
    public boolean isReserved() {
        return equals(CIVILIANS) || equals(UNKNOWN);
    }

    @Override
    public String toString() {
        return id;
    }
}
