package org.chronicle.query.projection;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * How a projection writes its table set: events taken in the order of the store, a round or a
 * batch at a time, each round's rows written with a few statements rather than several round
 * trips per event. What depends on a report's later events (when a version was replaced) and
 * what sums many reports (the day sums) is worked out after the rows are written: once at the end
 * of a rebuild for every report, or after each live batch for the reports it wrote.
 */
public interface BulkLoad {

    /**
     * The tables this load writes, named as in the blue set: a rebuild that starts from the first
     * event empties them, and gives them fresh planner statistics once it is complete.
     */
    List<String> tables();

    /**
     * Takes one event, in the order of the store, at its global {@code position}; the rows it
     * makes are written by the next {@link #write()}.
     */
    void add(EventMessage<?> event, long position);

    /** Writes what the events added since the last write make, in the caller's transaction. */
    void write();

    /** After the last event of a rebuild: what needs every event, for every report. Running it twice changes nothing. */
    void complete();

    /** After a live batch's {@link #write()}: what {@link #complete()} does, for the reports it wrote. */
    void completeWritten();
}
