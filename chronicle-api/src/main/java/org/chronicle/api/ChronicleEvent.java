package org.chronicle.api;

/**
 * Every event belongs to one chronicle. Projections sequence their work by this id, so one segment
 * owns all of a chronicle's derived rows and no two threads race on them.
 */
public interface ChronicleEvent {

    String chronicleId();
}
