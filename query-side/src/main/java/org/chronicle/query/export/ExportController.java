package org.chronicle.query.export;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.chronicle.api.Refusal;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.query.ProjectionProgress;
import org.chronicle.query.report.ReportVersions;
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
 * {@code GET /api/v1/chronicles/{c}/export?format=json|ucdp|acled}: the chronicle's whole
 * history, streamed, in the format its import reads; or its effective reports as rows of UCDP
 * GED's or ACLED's columns, their cells safe to open in a spreadsheet unless {@code cells=raw}.
 */
@RestController
@RequestMapping("/api/v1/chronicles/{chronicleId}/export")
class ExportController {

    private final ChronicleFileExport json;
    private final ReportVersions reports;
    private final ProjectionProgress progress;

    ExportController(ChronicleFileExport json, ReportVersions reports, ProjectionProgress progress) {
        this.json = json;
        this.reports = reports;
        this.progress = progress;
    }

    @GetMapping
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String chronicleId,
            @Parameter(description = "json (chronicle/1, the whole history), ucdp or acled (the effective reports"
                    + " as CSV rows)", schema = @Schema(allowableValues = {"json", "ucdp", "acled"}))
            @RequestParam(defaultValue = "json") String format,
            @Parameter(description = "CSV formats only. escaped (the default): a text cell that begins with =, +,"
                    + " -, @, a tab, a carriage return or ' gets a leading ', so that a spreadsheet shows it as text"
                    + " and runs no formula; numbers are left as they are, and an import of the file takes the"
                    + " ' off again. raw: every cell as recorded, for programs that read the file.",
                    schema = @Schema(allowableValues = {"escaped", "raw"}))
            @RequestParam(defaultValue = "escaped") String cells,
            @RequestParam(required = false) Long consistentWith) {
        // The CSV rows come from a projection: an import's answer gives the position to wait for.
        progress.await(consistentWith);
        ChronicleDefinition definition = json.definition(chronicleId)
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + chronicleId + "'."));
        if (format.equals("ucdp") || format.equals("acled")) {
            CsvLines.Cells written = cells(cells);
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + chronicleId + "-" + format + ".csv\"")
                    .body(out -> rows(chronicleId, format, written, out));
        }
        if (!format.equals("json")) {
            throw new Refusal.Invalid("format", "must be json, ucdp or acled");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chronicleId + ".json\"")
                .body(out -> json.write(chronicleId, definition, out));
    }

    private static CsvLines.Cells cells(String cells) {
        return switch (cells) {
            case "escaped" -> CsvLines.Cells.ESCAPED;
            case "raw" -> CsvLines.Cells.RAW;
            default -> throw new Refusal.Invalid("cells", "must be escaped or raw");
        };
    }

    /** The effective reports as a dataset's rows: what the chronicle says now, not its history. */
    private void rows(String chronicleId, String format, CsvLines.Cells cells, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (format.equals("ucdp")) {
            UcdpRows rows = new UcdpRows(writer, cells);
            reports.forEachEffective(chronicleId, (reportId, report) -> unchecked(() -> rows.add(reportId, report)));
        } else {
            AcledRows rows = new AcledRows(writer, cells);
            reports.forEachEffective(chronicleId, (reportId, report) -> unchecked(() -> rows.add(reportId, report)));
        }
        writer.flush();
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void unchecked(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
