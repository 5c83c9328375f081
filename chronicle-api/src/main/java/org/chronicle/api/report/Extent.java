package org.chronicle.api.report;

/** How much of an area a control change hands over. Only FULL passes to the areas below. */
public enum Extent {
    PARTIAL, FULL
}
