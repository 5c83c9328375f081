package org.chronicle.query;

import java.time.Duration;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.chronicle.platform.launch.Launch;
import org.chronicle.platform.schema.MigrationUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The read side: projects the event store into read models and answers the read API from them. */
@SpringBootApplication
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
     * Every projection streams the event store through a pooled processor whose token lives in
     * the read model's own {@code token_entry}, committed with the rows it produced. Work is
     * sequenced by chronicle, so one segment owns all of a chronicle's rows. Each process claims at
     * most its share of the segments, so several query-side processes share the work. A segment
     * that sees only other segments' events stores its advanced token no more often than its claim
     * is extended (Axon's default: every 5 s); a read given {@code consistentWith} on another
     * process waits for that stored token, so the claims are extended every second by default.
     */
    @Autowired
    void projections(EventProcessingConfigurer processing, ProcessShare share,
                     @Value("${chronicle.projections.batch-size:100}") int batchSize,
                     @Value("${chronicle.projections.segments:4}") int segments,
                     @Value("${chronicle.projections.claim-extension:1s}") Duration claimExtension) {
        for (String projection : Projections.ALL) {
            processing.registerPooledStreamingEventProcessor(projection, Configuration::eventStore,
                    (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments)
                            .maxSegmentProvider(share)
                            .claimExtensionThreshold(claimExtension.toMillis()));
            processing.registerSequencingPolicy(projection, config -> ByChronicle.INSTANCE);
        }
    }
}
