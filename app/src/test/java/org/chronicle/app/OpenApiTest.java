package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The published OpenAPI description names every path of the contract with its parameters. */
@ServiceTest
class OpenApiTest {

    @LocalServerPort
    int port;

    @Test
    void everyReadNamesItsTimeAxesOnceAndEveryPathIsThere() {
        JsonNode paths = Http.local(port).get("/v3/api-docs").json().path("paths");
        for (String read : List.of("/api/v1/chronicles/{chronicleId}/days/{date}", "/api/v1/chronicles/{chronicleId}/days",
                "/api/v1/chronicles/{chronicleId}/replay", "/api/v1/chronicles/{chronicleId}/reports")) {
            List<String> names = paths.path(read).path("get").path("parameters").findValuesAsText("name");
            assertThat(names).as(read).containsOnlyOnce("asKnownAt", "asReportedBy", "consistentWith")
                    .doesNotContain("asOf");
        }
        assertThat(paths.path("/api/v1/chronicles/{chronicleId}/reports").path("get").path("parameters")
                .findValuesAsText("name")).contains("type", "area", "from", "to", "status", "q", "page", "size");
        assertThat(paths.fieldNames()).toIterable().contains(
                "/api/v1/chronicles/{chronicleId}", "/api/v1/chronicles/{chronicleId}/reports/{reportId}/corrections",
                "/api/v1/chronicles/{chronicleId}/imports", "/api/v1/chronicles/{chronicleId}/export",
                "/api/v1/imports/{jobId}", "/api/v1/admin/projections", "/api/v1/admin/projections/{name}/rebuild");
        JsonNode cells = paths.path("/api/v1/chronicles/{chronicleId}/export").path("get").path("parameters")
                .findParents("name").stream().filter(p -> p.path("name").asText().equals("cells")).findFirst()
                .orElseThrow();
        assertThat(cells.path("schema").path("enum").toString()).isEqualTo("[\"escaped\",\"raw\"]");
        assertThat(cells.path("description").asText()).contains("spreadsheet");
        JsonNode imports = paths.path("/api/v1/chronicles/{chronicleId}/imports").path("post");
        assertThat(imports.path("requestBody").path("content").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("text/csv", "application/json");
        assertThat(imports.path("responses").fieldNames()).toIterable().contains("415");
        assertThat(paths.path("/api/v1/chronicles/{chronicleId}/reports").path("post").path("responses").fieldNames())
                .toIterable().as("the body's cap and the sign-in throttle").contains("413", "429");
    }
}
