package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts and roles: writes need EDITOR, administration ADMIN; 401 and 403 as problem+json. */
@ServiceTest
class AccessHttpTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";
    private static final String ACCOUNTS = "/api/v1/admin/accounts";


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http anonymous;
    Http admin;

    @BeforeEach
    void setUp() {
        anonymous = Http.local(port);
        admin = anonymous.asAdmin();
        assertThat(admin.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE).status()).isIn(200, 201);
    }

    @Test
    void aWriteWithoutAnAccountIs401AndStoresNothing() {
        long before = events();
        Answer answer = anonymous.post(REPORTS, Rastan.casualties("r-anon", "2012-01-31", 1));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(anonymous.as("admin", "not-the-password").post(REPORTS, Rastan.casualties("r-anon", "2012-01-31", 1))
                .status()).isEqualTo(401);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anEditorWritesAReaderDoesNotAndNeitherAdministers() {
        assertThat(admin.post(ACCOUNTS, account("ed", "EDITOR")).status()).isEqualTo(201);
        assertThat(admin.post(ACCOUNTS, account("rita", "READER")).status()).isEqualTo(201);
        Http editor = anonymous.as("ed", "a-long-enough-secret");
        Http reader = anonymous.as("rita", "a-long-enough-secret");

        assertThat(editor.post(REPORTS, Rastan.casualties("r-ed", "2012-01-31", 1)).status()).isEqualTo(201);
        long before = events();
        Answer denied = reader.post(REPORTS, Rastan.casualties("r-rita", "2012-01-31", 1));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.isProblem()).isTrue();
        assertThat(events()).isEqualTo(before);
        assertThat(editor.get(ACCOUNTS).status()).isEqualTo(403);
        assertThat(reader.get(ACCOUNTS).status()).isEqualTo(403);
        assertThat(anonymous.get(ACCOUNTS).status()).isEqualTo(401);
    }

    @Test
    void readsAreOpenByDefault() {
        assertThat(anonymous.get("/api/v1/chronicles/rastan-2012/days/2012-01-31").status())
                .as("not 401: a read path without a handler here is simply not found").isEqualTo(404);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void accountsAreCheckedAndNamesAreUnique() {
        Answer weak = admin.post(ACCOUNTS, account("weak", "EDITOR").replace("a-long-enough-secret", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").findValuesAsText("field")).containsExactly("password");
        assertThat(admin.post(ACCOUNTS, account("twice", "EDITOR")).status()).isEqualTo(201);
        assertThat(admin.post(ACCOUNTS, account("twice", "EDITOR")).status()).isEqualTo(409);
        assertThat(admin.post(ACCOUNTS, account("norole", "NOBODY")).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'twice'", String.class))
                .startsWith("$2").doesNotContain("a-long-enough-secret");
    }

    @Test
    void aChangedPasswordTakesEffectAtOnce() {
        admin.post(ACCOUNTS, account("chris", "EDITOR"));
        Http before = anonymous.as("chris", "a-long-enough-secret");
        assertThat(before.post(REPORTS, Rastan.casualties("r-chris-1", "2012-01-31", 1)).status()).isEqualTo(201);

        assertThat(admin.put(ACCOUNTS + "/chris", "{\"password\": \"another-long-secret\", \"roles\": [\"EDITOR\"]}")
                .status()).isEqualTo(200);

        assertThat(before.post(REPORTS, Rastan.casualties("r-chris-2", "2012-01-31", 1)).status()).isEqualTo(401);
        assertThat(anonymous.as("chris", "another-long-secret")
                .post(REPORTS, Rastan.casualties("r-chris-3", "2012-01-31", 1)).status()).isEqualTo(201);
    }

    /** bcrypt reads 72 bytes: thirty euro signs are thirty characters but ninety bytes. */
    @Test
    void aPasswordIsMeasuredInUtf8BytesAndOneTooLongIsRefusedNotFailed() {
        String tooLong = "€".repeat(30);
        Answer added = admin.post(ACCOUNTS, account("euro", "EDITOR").replace("a-long-enough-secret", tooLong));
        assertThat(added.status()).as(added.body()).isEqualTo(400);
        assertThat(added.isProblem()).isTrue();
        assertThat(added.json().path("errors").findValuesAsText("field")).containsExactly("password");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username = 'euro'", Long.class)).isZero();

        String fits = "€".repeat(24);
        assertThat(admin.post(ACCOUNTS, account("euro", "EDITOR").replace("a-long-enough-secret", fits)).status())
                .as("72 bytes exactly").isEqualTo(201);
        assertThat(anonymous.as("euro", fits).post(REPORTS, Rastan.casualties("r-euro", "2012-01-31", 1)).status())
                .isEqualTo(201);
        String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'euro'", String.class);
        Answer changed = admin.put(ACCOUNTS + "/euro", "{\"password\": \"%s\", \"roles\": [\"EDITOR\"]}".formatted(tooLong));
        assertThat(changed.status()).as(changed.body()).isEqualTo(400);
        assertThat(changed.json().path("errors").findValuesAsText("field")).containsExactly("password");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'euro'", String.class))
                .isEqualTo(hash);

        Answer basic = anonymous.as("euro", tooLong).post(REPORTS, Rastan.casualties("r-euro-2", "2012-01-31", 1));
        assertThat(basic.status()).as(basic.body()).isEqualTo(401);
        assertThat(basic.isProblem()).isTrue();
        Answer signIn = page().post("/api/v1/session",
                "{\"username\": \"euro\", \"password\": \"%s\"}".formatted(tooLong));
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(401);
        assertThat(signIn.isProblem()).isTrue();
    }

    /** The page's client: the CSRF token it was handed, as cookie and header. */
    private Http page() {
        String cookie = anonymous.get("/api/v1/session").header("Set-Cookie");
        String token = cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
        return anonymous.with("Cookie", "XSRF-TOKEN=" + token).with("X-XSRF-TOKEN", token);
    }

    private static String account(String name, String role) {
        return "{\"username\": \"%s\", \"password\": \"a-long-enough-secret\", \"roles\": [\"%s\"]}".formatted(name, role);
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
