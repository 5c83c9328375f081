package org.chronicle.command.chronicle;

import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.DefineChronicle;
import org.chronicle.platform.eventstore.EventPositions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chronicles")
class ChronicleController {

    private final CommandGateway commands;
    private final EventPositions positions;

    ChronicleController(CommandGateway commands, EventPositions positions) {
        this.commands = commands;
        this.positions = positions;
    }

    /** Creates the chronicle (201) or amends it (200); a PUT of the same definition changes nothing. */
    @PutMapping("/{chronicleId}")
    ResponseEntity<Written> define(@PathVariable String chronicleId, @RequestBody ChronicleDefinition definition) {
        DefinitionOutcome outcome = commands.sendAndWait(new DefineChronicle(chronicleId, definition));
        Written written = positions.latest(chronicleId)
                .map(e -> new Written(chronicleId, e.version(), e.recordedAt().toString(), e.position()))
                .orElseThrow();
        return outcome == DefinitionOutcome.CREATED
                ? ResponseEntity.created(URI.create("/api/v1/chronicles/" + chronicleId)).body(written)
                : ResponseEntity.ok(written);
    }

    record Written(String chronicleId, long version, String recordedAt, long position) {
    }
}
