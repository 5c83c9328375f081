package org.chronicle.query.report;

import java.util.List;

/** One page of a search of the reports, with the number of matches on every page. */
public record ReportPage(String chronicleId, int page, int size, long total, List<DayReport> reports) {
}
