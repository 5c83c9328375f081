package org.chronicle.command.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.chronicle.api.Ids;
import org.chronicle.api.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/chronicles/{c}/imports?format=json|ucdp|acled}: many reports at once, each
 * judged alone. A small file answers when it is done (200); a larger one runs as a job (202 with
 * its {@code Location}), whose progress {@code GET /api/v1/imports/{jobId}} answers.
 */
@RestController
class ImportController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv");

    private final Imports imports;
    private final long asJobAbove;

    ImportController(Imports imports, @Value("${chronicle.imports.job-above:1MB}") DataSize asJobAbove) {
        this.imports = imports;
        this.asJobAbove = asJobAbove.toBytes();
    }

    @PostMapping("/api/v1/chronicles/{chronicleId}/imports")
    @Operation(requestBody = @RequestBody(required = true, description = "The file: text/csv for ucdp and acled,"
            + " application/json (chronicle/1) for json, in UTF-8; any other type is 415 and nothing is read."
            + " A text cell of a CSV file that begins with ' followed by =, +, -, @, a tab, a carriage return or '"
            + " is read without that first ', as the escaped exports write it.", content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/json", schema = @Schema(type = "object"))}))
    @ApiResponse(responseCode = "415", description = "The body is not of the format's type",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> importFile(@PathVariable String chronicleId, @RequestParam String format,
                                 HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        if (!Ids.isValid(chronicleId)) {
            throw new Refusal.Invalid("chronicleId", Ids.RULE);
        }
        Imports.expectFormat(format);
        expectType(format, request.getContentType());
        Path file = imports.spool(format, request.getInputStream());
        if (Files.size(file) > asJobAbove) {
            ImportJob job = imports.submit(chronicleId, format, file);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/imports/" + job.id()))
                    .body(job.view());
        }
        try {
            return ResponseEntity.ok(imports.run(chronicleId, format, file, new ImportProgress()));
        } finally {
            file.toFile().delete();
        }
    }

    /**
     * A file is read only as what it says it is: a CSV format as {@code text/csv}, {@code json} as
     * {@code application/json}, either in UTF-8, the one encoding the import reads. Anything else
     * is refused before a byte is read (415), so no page of another site can post a file as a
     * form, and no client's mislabelled file is read in an encoding it is not in.
     */
    static void expectType(String format, String contentType) throws HttpMediaTypeNotSupportedException {
        MediaType wanted = format.equals("json") ? MediaType.APPLICATION_JSON : TEXT_CSV;
        MediaType sent = null;
        try {
            sent = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            // refused below, as no type at all
        }
        boolean utf8 = sent == null || sent.getCharset() == null || sent.getCharset().equals(StandardCharsets.UTF_8);
        if (sent == null || !wanted.equalsTypeAndSubtype(sent) || !utf8) {
            throw new HttpMediaTypeNotSupportedException(sent, List.of(wanted), HttpMethod.POST);
        }
    }

    @GetMapping("/api/v1/imports/{jobId}")
    ImportJob.View job(@PathVariable String jobId) {
        return imports.job(jobId).map(ImportJob::view)
                .orElseThrow(() -> new Refusal.NotFound("No import job '" + jobId + "' in this process."));
    }
}
