package org.chronicle.query;

import java.util.List;

/** The names of the projections, which are also their processing groups. */
public final class Projections {

    public static final String CHRONICLES = "chronicles";
    public static final String CASUALTIES = "casualties";
    public static final String CONTROL = "control";
    public static final String REPORTS = "reports";
    static final List<String> ALL = List.of(CHRONICLES, CASUALTIES, CONTROL, REPORTS);

    private Projections() {
    }
}
