package org.chronicle.command.report;

/** What a {@code RecordReport} did: recorded a new report, or found the same one already there. */
public enum RecordingOutcome {
    RECORDED, ALREADY_RECORDED
}
