package org.chronicle.command.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.chronicle.api.Ids;
import org.chronicle.api.Refusal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/chronicles/{c}/imports?format=json|ucdp|acled}: many reports at once, each judged
 * alone. The body is read as a stream.
 */
@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/imports")
class ImportController {

    private final ChronicleFileImport json;
    private final UcdpImport ucdp;
    private final AcledImport acled;

    ImportController(ChronicleFileImport json, UcdpImport ucdp, AcledImport acled) {
        this.json = json;
        this.ucdp = ucdp;
        this.acled = acled;
    }

    @PostMapping
    ImportResult importFile(@PathVariable String chronicleId, @RequestParam String format,
                            HttpServletRequest request) throws IOException {
        if (!Ids.isValid(chronicleId)) {
            throw new Refusal.Invalid("chronicleId", "must be 1-100 letters, digits, '-', '_' or '.'");
        }
        return switch (format) {
            case "json" -> json.run(chronicleId, request.getInputStream());
            case "ucdp" -> ucdp.run(chronicleId, request.getInputStream());
            case "acled" -> acled.run(chronicleId, request.getInputStream());
            default -> throw new Refusal.Invalid("format", "must be json, ucdp or acled");
        };
    }
}
