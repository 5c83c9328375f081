package org.chronicle.api.report;

/** The block of a CONTROL_CHANGE report: the side that took the area, and how much of it. */
public record ControlChange(String to, Extent extent) {
}
