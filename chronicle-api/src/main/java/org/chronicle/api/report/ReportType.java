package org.chronicle.api.report;

/** What a report tells of. Each type but CASUALTIES and CLASH carries a block of its own. */
public enum ReportType {
    CASUALTIES, SHELLING, DEFECTION, CONTROL_CHANGE, CLASH
}
