package org.chronicle.api.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A report's identity. Axon's aggregate identifier is global across the store, while report ids
 * are unique only within their chronicle, so the aggregate is known as {@code chronicleId/reportId}.
 */
public record ReportKey(String chronicleId, String reportId) {

    private static final char SEPARATOR = '/';

    @JsonCreator
    public static ReportKey parse(String aggregateId) {
        int cut = aggregateId.indexOf(SEPARATOR);
        if (cut < 0) {
            throw new IllegalArgumentException("Not a report key: " + aggregateId);
        }
        return new ReportKey(aggregateId.substring(0, cut), aggregateId.substring(cut + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return chronicleId + SEPARATOR + reportId;
    }
}
