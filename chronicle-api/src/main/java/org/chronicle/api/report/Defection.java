package org.chronicle.api.report;

/** The block of a DEFECTION report: who went over from which side to which. */
public record Defection(String from, String to, Integer count, String rank, String unit) {
}
