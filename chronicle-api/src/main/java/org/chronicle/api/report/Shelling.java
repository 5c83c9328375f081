package org.chronicle.api.report;

/** The block of a SHELLING report: by which side, with what, how much and how long. */
public record Shelling(String by, String weapon, Integer rounds, Integer durationMinutes) {
}
