package org.chronicle.command.report;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.platform.eventstore.StoredJson;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's ceiling of the HTTP stack ({@code stack_limit_1} and {@code stack_limit_16} in
 * {@code bench/run.sh}): a report's POST through the same Tomcat, security chain, body limit and
 * strict Jackson reading as {@link ReportController}, whose handler serializes the content as an
 * event's payload and makes one autocommit INSERT of it into the benchmark's limit table
 * ({@code bench/limit-table.sql}) with plain JDBC. What an append costs beyond this is the
 * service's own. Exists only in the {@code benchmark} profile, never in a production start nor
 * in OpenAPI.
 */
@Hidden
@Profile("benchmark")
@RestController
class StackLimitController {

    private static final String INSERT = """
            INSERT INTO bench_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                meta_data, payload, payload_revision, payload_type, time_stamp)
            VALUES (?, 0, 'Report', ?, ?, ?, '2', ?, ?)""";
    private static final byte[] META_DATA = "{\"recordedBy\":\"admin\"}".getBytes(StandardCharsets.UTF_8);

    private final DataSource dataSource;
    private final StoredJson json;

    StackLimitController(DataSource dataSource, StoredJson json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @PostMapping("/api/v1/chronicles/{chronicleId}/stack-limit")
    ResponseEntity<ReportController.Written> post(@PathVariable String chronicleId, @RequestBody ReportRequest request)
            throws SQLException {
        String reportId = request.reportId() == null ? UUID.randomUUID().toString() : request.reportId();
        String recordedAt = Instant.now().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, chronicleId + "/" + reportId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, META_DATA);
            insert.setBytes(4, json.write(request.content()).getBytes(StandardCharsets.UTF_8));
            insert.setString(5, ReportRecorded.class.getName());
            insert.setString(6, recordedAt);
            insert.executeUpdate();
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ReportController.Written(reportId, 1, recordedAt, 0));
    }
}
