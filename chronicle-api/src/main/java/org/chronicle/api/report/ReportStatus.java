package org.chronicle.api.report;

/**
 * Where a report stands. Retracted and duplicate reports are listed but count nothing; CORRECTED
 * is a report whose version is above 1 (any later event raises the version).
 */
public enum ReportStatus {
    ACTIVE, CORRECTED, RETRACTED, DUPLICATE
}
