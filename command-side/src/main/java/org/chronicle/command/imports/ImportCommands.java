package org.chronicle.command.imports;

import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.chronicle.api.Recorded;
import org.chronicle.api.Refusal;

/**
 * The commands of one import, each stamped with the import's id: Axon copies it onto every event
 * the import records (the definition's amendment included), so the store tells which import an
 * event came from, as it tells who sent it. The account is the caller's: the import's threads
 * carry its security context.
 */
final class ImportCommands {

    private final CommandGateway gateway;
    private final String importId;

    ImportCommands(CommandGateway gateway, String importId) {
        this.gateway = gateway;
        this.importId = importId;
    }

    String importId() {
        return importId;
    }

    <R> R send(Object command) {
        return send(command, Map.of());
    }

    <R> R send(Object command, Map<String, ?> metaData) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData)
                .andMetaData(Map.of(Recorded.IMPORT_ID, importId)));
    }

    /** A command whose refusal ends the whole import (the definition's): the refusal, unwrapped. */
    void sendOrRefuse(Object command) {
        try {
            send(command);
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof Refusal refusal ? refusal : e;
        }
    }
}
