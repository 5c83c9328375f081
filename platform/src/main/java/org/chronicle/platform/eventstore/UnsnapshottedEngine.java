package org.chronicle.platform.eventstore;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC engine for a store whose aggregates are never snapshotted: each report is an
 * aggregate of a handful of events, and nothing writes a snapshot. Axon asks for one before
 * every aggregate load all the same, a query on an empty table and a round trip on the path of
 * every command; this engine answers that there is none without asking.
 */
final class UnsnapshottedEngine extends JdbcEventStorageEngine {

    UnsnapshottedEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
