package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.chronicle.platform.testing.Accounts;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No write endpoint of either side answers a cross-site simple form: a body of a type a page of
 * another site may post without a preflight is 415 problem+json, and nothing is stored, even with
 * an administrator's credentials attached, as a browser would attach the ones it remembers. The
 * endpoints are the service's own list of mappings, so a write endpoint added later is tried too.
 * A write without a body, from a page of another site by the browser's word, is refused too.
 * Imports take only the type of their format.
 */
@ServiceTest
class CrossSiteFormsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CHRONICLE = "/api/v1/chronicles/rastan-2012";
    private static final List<String> SIMPLE_TYPES = List.of("text/plain", "text/plain;charset=UTF-8",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=chronicle", "TEXT/PLAIN");
    private static final String ACLED = """
            event_id_cnty,event_date,event_type,sub_event_type,actor1,country,location,fatalities
            SYR9,2012-02-02,Battles,Armed clash,Free Syrian Army,Syria,Rastan,4
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final SoftAssertions soft = new SoftAssertions();

    @Test
    void noWriteEndpointAnswersASimpleForm() {
        Http admin = Http.local(port).asAdmin();
        assertThat(admin.put(CHRONICLE, Rastan.CHRONICLE).status()).isIn(200, 201);
        assertThat(admin.post(CHRONICLE + "/reports", Rastan.casualties("r-form", "2012-01-31", 3)).status())
                .isEqualTo(201);
        Map<String, String> writes = writeEndpoints();
        assertThat(writes).as("the write endpoints found").hasSizeGreaterThanOrEqualTo(12);

        String before = stored();
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String[] methodAndPath = write.getKey().split(" ", 2);
            for (String type : SIMPLE_TYPES) {
                refused(methodAndPath[0], methodAndPath[1], type, write.getValue());
            }
        }
        soft.assertThat(stored()).as("nothing was stored by a form").isEqualTo(before);

        // A write without a body needs no preflight either: the browser's word that it comes from
        // another site refuses it.
        for (Map.Entry<String, String> write : writes.entrySet()) {
            String[] methodAndPath = write.getKey().split(" ", 2);
            HttpResponse<String> answer = send(methodAndPath[0], methodAndPath[1], null, "", "cross-site");
            soft.assertThat(answer.statusCode()).as(write.getKey() + " from another site -> " + answer.body())
                    .isEqualTo(403);
        }
        soft.assertThat(stored()).as("nothing was stored from another site").isEqualTo(before);

        // The same requests as the JSON they are, from the service's own page: the refusal was for
        // the type, or the site, alone.
        soft.assertThat(send("POST", CHRONICLE + "/reports", "application/json",
                Rastan.casualties("r-form-json", "2012-01-31", 3), "same-origin").statusCode()).isEqualTo(201);
        soft.assertThat(send("POST", CHRONICLE + "/reports", "application/json",
                Rastan.casualties("r-form-json-2", "2012-01-31", 3), "same-site").statusCode()).isEqualTo(201);
        soft.assertAll();
    }

    @Test
    void anImportTakesOnlyTheTypeOfItsFormat() {
        Http admin = Http.local(port).asAdmin();
        String acled = "/api/v1/chronicles/acled-types/imports?format=acled";
        String json = "/api/v1/chronicles/json-types/imports?format=json";
        String before = stored();
        for (String type : List.of("application/json", "application/csv", "text/tab-separated-values",
                "application/octet-stream", "text/csv;charset=ISO-8859-1", "text/csv;charset=nonsense", "csv",
                "text/csv, application/json")) {
            refused("POST", acled, type, ACLED);
        }
        refused("POST", acled, null, ACLED);
        for (String type : List.of("text/csv", "application/octet-stream", "application/json;charset=UTF-16")) {
            refused("POST", json, type, "{\"format\": \"chronicle/1\"}");
        }
        refused("POST", json, null, "{\"format\": \"chronicle/1\"}");
        soft.assertThat(stored()).as("nothing was stored by a file of the wrong type").isEqualTo(before);

        for (String type : List.of("text/csv", "text/csv; charset=utf-8", "TEXT/CSV;CHARSET=\"UTF-8\"")) {
            Http.Answer answer = admin.postText(acled, ACLED, type);
            soft.assertThat(answer.status()).as(type + " -> " + answer.body()).isEqualTo(200);
        }
        soft.assertAll();
    }

    /** Every mapped write, as a request that would be taken but for its type, by method and path. */
    private Map<String, String> writeEndpoints() {
        Map<String, String> writes = new LinkedHashMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replace("{chronicleId}", "rastan-2012").replace("{reportId}", "r-form")
                            .replace("{username}", "admin").replace("{name}", "casualties");
                    if (path.endsWith("/imports")) {
                        writes.put(method + " " + path + "?format=acled", ACLED);
                        writes.put(method + " " + path + "?format=ucdp", "id,date_start\n1,2012-02-01\n");
                        writes.put(method + " " + path + "?format=json", "{\"format\": \"chronicle/1\"}");
                    } else {
                        writes.put(method + " " + path, body(path));
                    }
                }
            }
        }
        System.out.println("Write endpoints tried: " + new TreeSet<>(writes.keySet()));
        return writes;
    }

    private static String body(String path) {
        if (path.endsWith("/reports")) {
            return Rastan.casualties("r-form-2", "2012-01-31", 3);
        } else if (path.endsWith("/corrections")) {
            return "{\"reason\": \"form\", \"report\": " + Rastan.casualties("r-form", "2012-01-31", 4)
                    .replace("\"reportId\": \"r-form\", ", "") + "}";
        } else if (path.endsWith("/duplicate-of")) {
            return "{\"duplicateOf\": \"r-form-2\", \"reason\": \"form\"}";
        } else if (path.endsWith("/session")) {
            return "{\"username\": \"admin\", \"password\": \"" + Accounts.ADMIN_PASSWORD + "\"}";
        } else if (path.endsWith("/accounts")) {
            return "{\"username\": \"mallory\", \"password\": \"a-long-password-1\", \"roles\": [\"ADMIN\"]}";
        } else if (path.contains("/accounts/")) {
            return "{\"roles\": [\"READER\"]}";
        } else if (path.equals(CHRONICLE)) {
            return Rastan.CHRONICLE.replace("Battle of Rastan", "Forged");
        }
        return "{\"reason\": \"form\"}";
    }

    private void refused(String method, String path, String type, String body) {
        HttpResponse<String> answer = send(method, path, type, body);
        String what = method + " " + path + " as " + type + " -> " + answer.body();
        soft.assertThat(answer.statusCode()).as(what).isEqualTo(415);
        soft.assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
    }

    /** What a write could change: events, accounts, projection sets, sessions. */
    private String stored() {
        List<String> state = new ArrayList<>();
        state.add("events " + jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class));
        state.addAll(jdbc.queryForList("SELECT username || ' ' || roles || ' ' || CAST(enabled AS VARCHAR(5)) || ' ' "
                + "|| stamp || ' ' || password_hash FROM account ORDER BY username", String.class));
        state.addAll(jdbc.queryForList("SELECT projection || ' ' || active || ' ' || coalesce(rebuilding, '-')"
                + " FROM projection_set ORDER BY projection", String.class));
        state.add("sessions " + jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class));
        return String.join("\n", state);
    }

    private HttpResponse<String> send(String method, String path, String type, String body) {
        return send(method, path, type, body, null);
    }

    private HttpResponse<String> send(String method, String path, String type, String body, String fetchSite) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + Accounts.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + basic)
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
