package org.chronicle.query;

import java.time.Duration;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.chronicle.platform.eventstore.ListenConfiguration;
import org.chronicle.platform.eventstore.WakingEventSource;
import org.chronicle.platform.launch.Launch;
import org.chronicle.platform.schema.MigrationUnit;
import org.chronicle.query.projection.BatchHandler;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.Rebuilds;
import org.chronicle.query.projection.TableSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The read side: projects the event store into read models and answers the read API from them. */
@SpringBootApplication
@Import(ListenConfiguration.class)
public class QuerySideApplication {

    public static void main(String[] args) {
        Launch.run(QuerySideApplication.class, args);
    }

    @Bean
    MigrationUnit querySideSchema() {
        return new MigrationUnit("query-side", "classpath:db/query", MigrationUnit.SIDE);
    }

    @Bean
    MigrationUnit querySideProcesses() {
        return ProcessShare.SCHEMA;
    }

    /**
     * Every projection streams the event store through a pooled processor per table set, whose
     * token lives in the read model's own {@code token_entry}, committed with the rows it
     * produced. Work is sequenced by chronicle, so one segment owns all of a chronicle's rows.
     * Which of the two processors runs is up to {@link Rebuilds}. On PostgreSQL the processors
     * read through the {@link WakingEventSource}, which wakes them when another process appends;
     * otherwise straight from the event store. Each process claims at most its share of the
     * segments ({@link ProcessShare}), so several query-side processes share the work. A segment
     * that sees only other segments' events stores its advanced token no more often than its claim
     * is extended (Axon's default: every 5 s); a read given {@code consistentWith} on another
     * process waits for that stored token, so the claims are extended every second by default.
     * Axon never starts the processors itself ({@link ProjectionProcessor}).
     */
    @Autowired
    void projections(EventProcessingConfigurer processing, List<Projection> projections,
                     ObjectProvider<WakingEventSource> waking, ProcessShare share,
                     @Value("${chronicle.projections.batch-size:100}") int batchSize,
                     @Value("${chronicle.projections.segments:4}") int segments,
                     @Value("${chronicle.projections.claim-extension:1s}") Duration claimExtension) {
        for (Projection projection : projections) {
            for (TableSet set : TableSet.values()) {
                String group = set.processor(projection.name());
                processing.registerPooledStreamingEventProcessor(group, config -> source(config, waking),
                        (config, builder) -> ProjectionProcessor.building(builder.batchSize(batchSize)
                                .initialSegmentCount(segments)
                                .maxSegmentProvider(share)
                                .claimExtensionThreshold(claimExtension.toMillis())));
                processing.registerSequencingPolicy(group, config -> ByChronicle.INSTANCE);
                processing.registerEventHandler(config -> new BatchHandler(projection, set, config));
                processing.assignHandlerInstancesMatching(group, handler -> handler instanceof Projection.Handler h
                        && h.projection().equals(projection.name()) && h.set() == set);
            }
        }
    }

    private static StreamableMessageSource<TrackedEventMessage<?>> source(Configuration config,
                                                                          ObjectProvider<WakingEventSource> waking) {
        WakingEventSource source = waking.getIfAvailable();
        return source != null ? source : config.eventStore();
    }
}
