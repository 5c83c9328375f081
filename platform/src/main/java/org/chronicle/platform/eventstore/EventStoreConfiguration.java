package org.chronicle.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.chronicle.api.upcasting.ReportRecordedRevision2;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store: Axon's JDBC engine on tables that Flyway owns (bytea payloads, a bigserial
 * global index), never the JPA engine, whose {@code @Lob} mapping turns payloads into PostgreSQL
 * large objects that cannot be read back reliably.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
public class EventStoreConfiguration {

    /** Axon's default schema is camelCase; ours is the snake_case of the Flyway migrations. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The mapper of stored events, apart from the strict one that reads requests: an event written
     * years ago must still be read when a field has since been added.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Old revisions of events are read through these; the stored rows are never rewritten. */
    @Bean
    ReportRecordedRevision2 reportRecordedRevision2() {
        return new ReportRecordedRevision2();
    }

    @Bean
    StoredJson storedJson(@Qualifier("defaultAxonObjectMapper") ObjectMapper mapper) {
        return new StoredJson(mapper);
    }

    @Bean
    EventPositions eventPositions(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new EventPositions(jdbc);
    }

    /**
     * Declared here, not left to Axon's auto-configuration, because that one steps aside as soon
     * as an event store bean exists, and ours does (below). Reads fetch up to {@code batchSize}
     * events a query (Axon's default is 100): a rebuild reads the whole store this way. No
     * aggregate is snapshotted, so loads do not look for a snapshot unless
     * {@code chronicle.events.snapshots} says there may be one.
     *
     * <p>The engine joins the transaction it is called in (Spring's {@code REQUIRED}), where the
     * units of work would give each of its loads and appends a savepoint: two round trips each
     * that buy nothing, since a statement that fails fails the command, which rolls back whole.
     * A load whose batch comes back short of {@code batchSize} has read the whole aggregate, so
     * it does not ask again for the rows after the last.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          PlatformTransactionManager transactions,
                                          EventSchema eventSchema,
                                          @Value("${chronicle.events.batch-size:1000}") int batchSize,
                                          @Value("${chronicle.events.snapshots:false}") boolean snapshots,
                                          ObjectProvider<AppendNotifier> notifier) {
        JdbcEventStorageEngine.Builder engine = JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new DuplicateKeys())
                .connectionProvider(connectionProvider)
                .finalAggregateBatchPredicate(batch -> batch.size() < batchSize)
                .schema(eventSchema);
        AppendNotifier notifying = notifier.getIfAvailable();
        return new EventStoreEngine(engine, new SpringTransactionManager(transactions), snapshots,
                notifying == null ? () -> { } : notifying::appendedInCurrentTransaction);
    }

    /**
     * On PostgreSQL, unless {@code chronicle.events.notify=false}: a NOTIFY after each commit that
     * appended events, for the processes that LISTEN ({@link ListenConfiguration}).
     */
    @Bean
    @Conditional(SwitchedOnPostgres.Notifying.class)
    AppendNotifier appendNotifier(DataSourceProperties dataSource) {
        return new AppendNotifier(ListenConfiguration.connector(dataSource, AppendNotifier.APPLICATION_NAME));
    }

    /**
     * Axon's event store polls the table for events that other processes appended; its default
     * delay is a second. Declared here because 4.13 has no property for it. On PostgreSQL a
     * notification makes it fetch at once (see {@link ListenConfiguration}); the delay is the
     * fallback.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    WakeableEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  @Value("${chronicle.events.fetch-delay:100ms}") Duration fetchDelay) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(org.axonframework.eventsourcing.eventstore.EventStore.class, "eventStore"))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }
}
