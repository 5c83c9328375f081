package org.chronicle.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import javax.sql.DataSource;
import org.chronicle.platform.security.AccountStore;
import org.chronicle.platform.security.Role;
import org.chronicle.platform.testing.Browser;
import org.chronicle.platform.testing.Http;
import org.chronicle.platform.testing.Http.Answer;
import org.chronicle.platform.testing.Rastan;
import org.chronicle.platform.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page session follows its account: new roles at its next request, a new password or a disabled
 * account ends it. Changes made through another store on the same database (as another process
 * or the CLI makes them, telling this process nothing) are followed alike, since every session
 * request looks the account's stamp up in the database.
 */
@ServiceTest
class SessionsFollowAccountsTest {

    private static final String REPORTS = "/api/v1/chronicles/rastan-2012/reports";
    private static final String ACCOUNTS = "/api/v1/admin/accounts";
    private static final String SECRET = "a-long-enough-secret";

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    Http admin;
    /** The same database, written as another process writes it. */
    AccountStore elsewhere;

    @BeforeEach
    void setUp() {
        admin = Http.local(port).asAdmin();
        assertThat(admin.put("/api/v1/chronicles/rastan-2012", Rastan.CHRONICLE).status()).isIn(200, 201);
        elsewhere = new AccountStore(new JdbcTemplate(dataSource), new BCryptPasswordEncoder(),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void anEditorDemotedToReaderIsRefusedItsNextWrite() {
        add("demoted-ed", "EDITOR");
        Browser page = signedIn("demoted-ed");
        assertThat(send(page, "POST", REPORTS, Rastan.casualties("r-ed-1", "2012-01-31", 1)).status()).isEqualTo(201);

        assertThat(admin.put(ACCOUNTS + "/demoted-ed", "{\"roles\": [\"READER\"]}").status()).isEqualTo(200);

        long before = events();
        Answer refused = send(page, "POST", REPORTS, Rastan.casualties("r-ed-2", "2012-01-31", 1));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(events()).isEqualTo(before);
        Answer who = send(page, "GET", "/api/v1/session", null);
        assertThat(who.json().path("signedIn").asBoolean()).as("still signed in, as a reader").isTrue();
        assertThat(who.json().path("roles").toString()).isEqualTo("[\"READER\"]");
    }

    @Test
    void rolesGivenByAnotherProcessTakeEffectAtTheNextRequest() {
        add("promoted-rita", "READER");
        Browser page = signedIn("promoted-rita");
        assertThat(send(page, "POST", REPORTS, Rastan.casualties("r-rita-1", "2012-01-31", 1)).status()).isEqualTo(403);

        elsewhere.change("promoted-rita", null, EnumSet.of(Role.EDITOR));

        assertThat(send(page, "POST", REPORTS, Rastan.casualties("r-rita-2", "2012-01-31", 1)).status()).isEqualTo(201);
    }

    @Test
    void aNewPasswordEndsTheSession() {
        add("chris", "EDITOR");
        Browser page = signedIn("chris");

        elsewhere.change("chris", "another-long-secret", EnumSet.of(Role.EDITOR));

        Answer ended = send(page, "POST", REPORTS, Rastan.casualties("r-chris", "2012-01-31", 1));
        assertThat(ended.status()).as(ended.body()).isEqualTo(401);
        assertThat(ended.isProblem()).isTrue();
        assertThat(send(page, "GET", "/api/v1/session", null).json().path("signedIn").asBoolean(true)).isFalse();
        assertThat(page.signIn(port, "chris", "another-long-secret").status()).isEqualTo(200);
        assertThat(send(page, "POST", REPORTS, Rastan.casualties("r-chris", "2012-01-31", 1)).status()).isEqualTo(201);
    }

    @Test
    void aDisabledAccountsSessionAndCredentialsEndAndEnablingLetsItBackIn() {
        add("dana", "EDITOR");
        Browser page = signedIn("dana");
        Http basic = Http.local(port).as("dana", SECRET);
        assertThat(basic.post(REPORTS, Rastan.casualties("r-dana-1", "2012-01-31", 1)).status())
                .as("and now remembered by this process").isEqualTo(201);

        Answer disabled = admin.post(ACCOUNTS + "/dana/disable", "");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean(true)).isFalse();

        long before = events();
        assertThat(send(page, "POST", REPORTS, Rastan.casualties("r-dana-2", "2012-01-31", 1)).status()).isEqualTo(401);
        assertThat(basic.post(REPORTS, Rastan.casualties("r-dana-3", "2012-01-31", 1)).status()).isEqualTo(401);
        assertThat(new Browser().signIn(port, "dana", SECRET).status()).isEqualTo(401);
        assertThat(events()).isEqualTo(before);
        assertThat(admin.get(ACCOUNTS + "/dana").json().path("enabled").asBoolean(true)).isFalse();

        assertThat(admin.post(ACCOUNTS + "/dana/enable", "").status()).isEqualTo(200);
        assertThat(basic.post(REPORTS, Rastan.casualties("r-dana-4", "2012-01-31", 1)).status()).isEqualTo(201);
        assertThat(new Browser().signIn(port, "dana", SECRET).status()).isEqualTo(200);
    }

    @Test
    void theLastEnabledAdministratorCanBeNeitherDisabledNorDemoted() {
        Answer disabled = admin.post(ACCOUNTS + "/admin/disable", "");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(409);
        assertThat(disabled.isProblem()).isTrue();
        Answer demoted = admin.put(ACCOUNTS + "/admin", "{\"roles\": [\"EDITOR\"]}");
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(409);
        assertThat(demoted.isProblem()).isTrue();
        assertThat(admin.get(ACCOUNTS + "/admin").json().path("roles").toString()).contains("ADMIN");
        assertThat(admin.post(ACCOUNTS + "/nobody/disable", "").status()).isEqualTo(404);
        assertThat(Http.local(port).as("nobody", SECRET).post(ACCOUNTS + "/admin/enable", "").status())
                .isEqualTo(401);
    }

    private void add(String name, String role) {
        assertThat(admin.post(ACCOUNTS, "{\"username\": \"%s\", \"password\": \"%s\", \"roles\": [\"%s\"]}"
                .formatted(name, SECRET, role)).status()).isEqualTo(201);
    }

    private Browser signedIn(String name) {
        Browser page = new Browser();
        Answer answer = page.signIn(port, name, SECRET);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return page;
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private Answer send(Browser page, String method, String path, String json) {
        return page.send(port, method, path, json);
    }
}
