package org.chronicle.query;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import java.util.List;
import org.chronicle.platform.launch.Launch;
import org.chronicle.platform.schema.MigrationUnit;
import org.chronicle.query.projection.Projection;
import org.chronicle.query.projection.Rebuilds;
import org.chronicle.query.projection.TableSet;
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

    /**
     * Every projection streams the event store through a pooled processor per table set, whose
     * token lives in the read model's own {@code token_entry}, committed with the rows it
     * produced. Work is sequenced by chronicle, so one segment owns all of a chronicle's rows.
     * Which of the two processors runs is up to {@link Rebuilds}.
     */
    @Autowired
    void projections(EventProcessingConfigurer processing, List<Projection> projections,
                     @Value("${chronicle.projections.batch-size:100}") int batchSize,
                     @Value("${chronicle.projections.segments:4}") int segments) {
        for (Projection projection : projections) {
            for (TableSet set : TableSet.values()) {
                String group = set.processor(projection.name());
                processing.registerPooledStreamingEventProcessor(group, Configuration::eventStore,
                        (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments));
                processing.registerSequencingPolicy(group, config -> ByChronicle.INSTANCE);
                processing.registerEventHandler(config -> projection.handlerFor(set, config));
                processing.assignHandlerInstancesMatching(group, handler -> handler instanceof Projection.Handler h
                        && h.projection().equals(projection.name()) && h.set() == set);
            }
        }
    }
}
