package org.chronicle.query.export;

import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/chronicles/{c}/export?format=json}: the chronicle's whole history, streamed,
 * in the format its import reads.
 */
@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/export")
class ExportController {

    private final ChronicleFileExport json;

    ExportController(ChronicleFileExport json) {
        this.json = json;
    }

    @GetMapping
    ResponseEntity<StreamingResponseBody> export(@PathVariable String chronicleId,
                                                 @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json")) {
            throw new Refusal.Invalid("format", "must be json (ucdp and acled are not served yet)");
        }
        ChronicleDefinition definition = json.definition(chronicleId)
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + chronicleId + "'."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chronicleId + ".json\"")
                .body(out -> json.write(chronicleId, definition, out));
    }
}
