package org.chronicle.api;

/** One thing wrong with a request, named by the JSON path of the field, such as {@code casualties[0].killed.low}. */
public record Violation(String field, String message) {
}
