package org.chronicle.api.report;

import java.time.LocalDate;

/** Where a report comes from. {@code publishedOn} dates it on the "as reported by" axis. */
public record SourceRef(String name, String publisher, LocalDate publishedOn, String url) {
}
