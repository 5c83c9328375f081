package org.chronicle.platform.eventstore;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine for a store whose aggregates are never snapshotted: each report is an
 * aggregate of a handful of events, and nothing writes a snapshot. Axon asks for one before
 * every aggregate load all the same, a query on an empty table and a round trip on the path of
 * every command; this engine answers that there is none without asking. Its appends are what
 * a 201 acknowledges, so their transaction is to be on disk before it returns ({@link DurableCommits}).
 */
final class UnsnapshottedEngine extends JdbcEventStorageEngine {

    UnsnapshottedEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        DurableCommits.required();
        super.appendEvents(events, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
