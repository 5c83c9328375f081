package org.chronicle.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.chronicle.platform.launch.Launch;
import org.chronicle.platform.schema.MigrationUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The write side: takes commands over HTTP, checks them against the aggregates and appends events. */
@SpringBootApplication
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

    /**
     * Subscribing, not streaming: the lookups must change in the same transaction as the events
     * they are derived from, or a second command could pass a check that the first has broken.
     */
    @Autowired
    void lookupsInTheAppendingTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(LOOKUPS);
    }
}
