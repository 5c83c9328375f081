package org.chronicle.platform.eventstore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine, with what a write costs cut to what it needs.
 *
 * <ul>
 * <li>No snapshot query: each report is an aggregate of a handful of events, and nothing writes
 * a snapshot. Axon asks for one before every aggregate load all the same, a query on an empty
 * table and a round trip on the path of every command; unless {@code snapshots} is set, this
 * engine answers that there is none without asking.
 * <li>Positions from the insert: the appends are Axon's statement, asked for the global index it
 * generates, so the position a write answers needs no query after the commit
 * ({@link EventPositions#watch}).
 * <li>Appends are what a 201 acknowledges, so their transaction is to be on disk before it
 * returns ({@link DurableCommits}); once it has committed, readers elsewhere are told
 * ({@code appended}, an {@link AppendNotifier} on PostgreSQL).
 * </ul>
 */
final class EventStoreEngine extends JdbcEventStorageEngine {

    private static final String[] GENERATED = {"global_index"};

    private final TransactionManager transactions;
    private final boolean snapshots;
    private final Runnable appended;

    /** @param appended runs in the appending transaction, to act once it commits */
    EventStoreEngine(Builder builder, TransactionManager transactions, boolean snapshots, Runnable appended) {
        super(builder.transactionManager(transactions));
        this.transactions = transactions;
        this.snapshots = snapshots;
        this.appended = appended;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        DurableCommits.required();
        transactions.executeInTransaction(() -> {
            Connection connection = getConnection();
            try (PreparedStatement insert = appendEvents(returningKeys(connection), events, serializer)) {
                insert.executeBatch();
                noteInserted(events, insert);
                appended.run();
            } catch (SQLException e) {
                handlePersistenceException(e, events.get(0));
                throw new EventStoreException("Could not append the events", e);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    /** Each event's generated position, where the driver gave one for every event. */
    private static void noteInserted(List<? extends EventMessage<?>> events, PreparedStatement insert)
            throws SQLException {
        List<Long> positions = new ArrayList<>(events.size());
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next()) {
                positions.add(keys.getLong(1));
            }
        }
        if (positions.size() != events.size()) {
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof DomainEventMessage<?> event) {
                // As the store keeps it (to the millisecond), so that a repeat, read back, answers alike.
                Instant stored = Instant.parse(DateTimeUtils.formatInstant(event.getTimestamp()));
                EventPositions.inserted(event.getAggregateIdentifier(), event.getSequenceNumber(),
                        new EventPositions.StoredEvent(positions.get(i), event.getSequenceNumber(), stored));
            }
        }
    }

    /** The connection, whose statements are prepared to return the generated global index. */
    private static Connection returningKeys(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
                            return connection.prepareStatement((String) args[0], GENERATED);
                        }
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshots ? super.readSnapshotData(aggregateIdentifier) : Stream.empty();
    }
}
