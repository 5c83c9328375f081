package org.chronicle.api.report;

import java.util.Map;

/** The dataset row a report was imported from, kept whole so that an export gives it back. */
public record Origin(String dataset, String id, Map<String, String> fields) {
}
