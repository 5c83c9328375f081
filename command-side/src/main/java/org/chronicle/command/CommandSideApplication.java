package org.chronicle.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.chronicle.api.Recorded;
import org.chronicle.command.chronicle.DefinitionLimits;
import org.chronicle.platform.launch.Launch;
import org.chronicle.platform.schema.MigrationUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The write side: takes commands over HTTP, checks them against the aggregates and appends events. */
@SpringBootApplication
@EnableConfigurationProperties(DefinitionLimits.class)
public class CommandSideApplication {

    /** The command side's lookups, updated by handlers that run inside the appending transaction. */
    public static final String LOOKUPS = "command-lookups";

    public static void main(String[] args) {
        Launch.run(CommandSideApplication.class, args);
    }

    @Bean
    MigrationUnit commandSideSchema() {
        return new MigrationUnit("command-side", "classpath:db/command", MigrationUnit.SIDE);
    }

    /** Who recorded an event, and with which idempotency key, travels from the command to its events. */
    @Bean
    CorrelationDataProvider recordedMetadata() {
        return new SimpleCorrelationDataProvider(Recorded.BY, Recorded.IDEMPOTENCY_KEY, Recorded.REQUEST_DIGEST,
                Recorded.IMPORT_ID);
    }

    /** Axon's own correlation and trace ids; declared because a provider of ours displaces its default. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(Recorded.CORRELATION_ID, Recorded.TRACE_ID);
    }

    /** The gateway that every controller sends through stamps each command with who sent it. */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(new RecordingContext())
                .build();
    }

    /**
     * Subscribing, not streaming: the lookups must change in the same transaction as the events
     * they are derived from, or a second command could pass a check that the first has broken.
     * The processor runs inside the command's transaction and starts none of its own. With one it
     * opened a savepoint per event; and when the database went away just then, Axon's unit of work
     * answered the failed start with an IllegalStateException of its own (a rollback before it had
     * begun), which hid the lost connection and made the write a 500 rather than a 503.
     */
    @Autowired
    void lookupsInTheAppendingTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(LOOKUPS);
        processing.registerTransactionManager(LOOKUPS, config -> NoTransactionManager.INSTANCE);
    }
}
