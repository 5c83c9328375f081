package org.chronicle.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.chronicle.api.Figure;
import org.chronicle.api.Party;
import org.chronicle.api.Period;
import org.chronicle.api.chronicle.Area;
import org.chronicle.api.chronicle.ChronicleDefined;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.chronicle.Side;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reads with hostile parameters (impossible days and instants, huge and negative pages, markup,
 * SQL and control characters in the search, ids that are not ids): never a 5xx, and every
 * refusal is problem+json that tells nothing of the service's insides.
 */
@ServiceTest
class HostileReadsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String C = "/api/v1/chronicles/rastan-2012";

    @LocalServerPort
    int port;
    @Autowired
    EventStore events;

    @Test
    void noHostileReadBreaksTheService() {
        recordAReport();
        Http.local(port).getUntil(C + "/days/2012-01-31", a -> a.body().contains("civilians"), Duration.ofSeconds(30));

        List<String> paths = new ArrayList<>();
        for (String day : List.of("2012-02-30", "2012-13-01", "0000-00-00", "+999999999-12-31", "-1", "2012-1-1",
                "31%2F01%2F2012", "%00", "2011-01-01", "9999-12-31", "null", "%3Cscript%3E")) {
            paths.add(C + "/days/" + day);
        }
        for (String instant : List.of("yesterday", "2012-01-31", "2012-01-31T25:00:00Z", "-999999999-01-01T00:00:00Z",
                "%2B999999999-12-31T23:59:59Z", "1e10", "%27%3B%20DROP%20TABLE%20token_entry%3B--", "")) {
            paths.add(C + "/days/2012-01-31?asKnownAt=" + instant);
            paths.add(C + "/days?asKnownAt=" + instant);
        }
        for (String day : List.of("2012-02-30", "tomorrow", "99999-01-01", "%00", "%2B999999999-12-31",
                "-999999999-01-01")) {
            paths.add(C + "/days/2012-01-31?asReportedBy=" + day);
            paths.add(C + "/reports?from=" + day);
            paths.add(C + "/reports?to=" + day);
        }
        for (String position : List.of("-1", "99999999999999999999", "abc", "1.5")) {
            paths.add(C + "/days/2012-01-31?consistentWith=" + position);
        }
        for (String paging : List.of("page=-1", "size=0", "size=-5", "size=1000000000", "page=2147483648",
                "page=99999999&size=1000", "size=abc", "type=NUKE", "status=DELETED", "type=", "area=%00")) {
            paths.add(C + "/reports?" + paging);
        }
        for (String q : List.of("%27%20OR%201%3D1%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%25%25%25",
                "%5C", "%00", "%01%02", "x".repeat(5000), "%E2%80%AE", "*", "(", "%22")) {
            paths.add(C + "/reports?q=" + q);
        }
        for (String id : List.of("no-such", "x".repeat(101), "%2e%2e", "..", "%00", "a%20b", "%3Cimg%3E")) {
            paths.add("/api/v1/chronicles/" + id);
            paths.add("/api/v1/chronicles/" + id + "/days");
            paths.add(C + "/reports/" + id);
        }
        for (String format : List.of("xml", "", "JSON", "ucdp%00", "../json")) {
            paths.add(C + "/export?format=" + format);
        }
        paths.add("/api/v1/nothing");
        paths.add("/api/v1/admin/projections");

        SoftAssertions soft = new SoftAssertions();
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> answer = get(path);
            byStatus.merge(answer.statusCode(), 1, Integer::sum);
            String what = "GET " + (path.length() > 120 ? path.substring(0, 120) + "..." : path) + " -> " + answer.body();
            soft.assertThat(answer.statusCode()).as(what).isLessThan(500);
            if (answer.statusCode() >= 400) {
                soft.assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what)
                        .startsWith("application/problem+json");
                soft.assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("at org.")
                        .doesNotContain("org.chronicle").doesNotContain("PSQL").doesNotContain("ERROR:");
            }
        }
        // A position no write has answered yet is the documented 503 to ask again, and at once.
        HttpResponse<String> unreached = get(C + "/days/2012-01-31?consistentWith=9223372036854775807");
        soft.assertThat(unreached.statusCode()).isEqualTo(503);
        soft.assertThat(unreached.headers().firstValue("Retry-After")).isPresent();
        System.out.println("Hostile reads: tried " + (paths.size() + 1) + ", by status " + byStatus + " and one 503");
        soft.assertThat(paths).hasSizeGreaterThanOrEqualTo(100);
        soft.assertThat(byStatus.getOrDefault(200, 0)).as("harmless oddities are answered").isPositive();
        soft.assertThat(byStatus.getOrDefault(400, 0)).as("malformed ones are refused").isGreaterThan(40);
        soft.assertAll();
    }

    private HttpResponse<String> get(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " got no answer", e);
        }
    }

    private void recordAReport() {
        append("rastan-2012", new ChronicleDefined("rastan-2012", new ChronicleDefinition("Battle of Rastan", null,
                new Period(LocalDate.of(2012, 1, 29), LocalDate.of(2012, 5, 31)),
                List.of(new Side("fsa", "Free Syrian Army"), new Side("government", "Syrian Arab Republic")),
                List.of(new Area("rastan", "Rastan", null, null)), List.of())));
        ReportContent content = new ReportContent(ReportType.CASUALTIES, LocalDate.of(2012, 1, 31), null, null,
                "rastan", "Civilians killed <b>by</b> 'shelling'; --",
                List.of(new SourceRef("Toll", "SOHR", LocalDate.of(2012, 1, 31), null)),
                List.of(new Casualties(Party.CIVILIANS, Figure.exactly(5), null)), null, null, null, null);
        append("rastan-2012/r1", new ReportRecorded("rastan-2012", "r1", content));
    }

    private void append(String aggregate, Object event) {
        events.publish(new GenericDomainEventMessage<>("test", aggregate, 0, event));
    }
}
