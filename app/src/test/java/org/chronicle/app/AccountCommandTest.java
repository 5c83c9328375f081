package org.chronicle.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code account add|roles|list} against a real PostgreSQL store. */
class AccountCommandTest {

    private static final String DB = TestDatabase.create(AccountCommandTest.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void addsAnAccountWithAPasswordFromTheEnvironmentAndChangesItsRoles() throws Exception {
        Map<String, String> env = Map.of("CHRONICLE_DB_URL", DB, "NEW_PASSWORD", "a-long-enough-secret");

        assertThat(run(env, "add", "nadia", "--roles", "editor", "--password-env", "NEW_PASSWORD")).isZero();
        assertThat(hashOf("nadia")).satisfies(hash ->
                assertThat(new BCryptPasswordEncoder().matches("a-long-enough-secret", hash)).isTrue());
        assertThat(text(out)).doesNotContain("a-long-enough-secret");

        assertThat(run(env, "roles", "nadia", "--roles", "ADMIN")).isZero();
        assertThat(run(env, "list")).isZero();
        assertThat(text(out)).contains("nadia\tADMIN");
    }

    @Test
    void aGeneratedPasswordIsPrintedOnceAndWorks() throws Exception {
        assertThat(run(Map.of("CHRONICLE_DB_URL", DB), "add", "omar", "--roles", "READER")).isZero();
        String password = text(out).lines().filter(l -> l.startsWith("Its password")).findFirst().orElseThrow()
                .replaceFirst(".*: ", "");
        assertThat(new BCryptPasswordEncoder().matches(password, hashOf("omar"))).isTrue();
    }

    @Test
    void mistakesAreExplainedWithAnExitCode() {
        Map<String, String> env = Map.of("CHRONICLE_DB_URL", DB);
        assertThat(run(env, "add", "x", "--roles", "KING")).isEqualTo(2);
        assertThat(text(err)).contains("READER, EDITOR and ADMIN");
        assertThat(run(env, "roles", "nobody", "--roles", "READER")).isEqualTo(1);
        assertThat(text(err)).contains("No account 'nobody'");
        assertThat(run(env, "fly")).isEqualTo(2);
    }

    @Test
    void disablesAndEnablesAnAccountButNeverTheLastAdministrator() throws Exception {
        Map<String, String> env = Map.of("CHRONICLE_DB_URL", DB);
        assertThat(run(env, "add", "boss", "--roles", "ADMIN")).isZero();
        assertThat(run(env, "add", "pat", "--roles", "EDITOR")).isZero();

        assertThat(run(env, "disable", "pat")).isZero();
        assertThat(text(out)).contains("Account 'pat' is now disabled.");
        out.reset();
        assertThat(run(env, "list")).isZero();
        assertThat(text(out)).contains("pat\tEDITOR\tdisabled").contains("boss\tADMIN\n");
        assertThat(run(env, "enable", "pat")).isZero();
        assertThat(text(out)).contains("Account 'pat' is now enabled.");

        // Other tests of this class may add administrators of their own: leave "boss" the last one.
        try (Connection c = DriverManager.getConnection(DB)) {
            c.createStatement().executeUpdate("UPDATE account SET enabled = FALSE WHERE username <> 'boss' "
                    + "AND roles LIKE '%ADMIN%'");
        }
        assertThat(run(env, "disable", "boss")).isEqualTo(1);
        assertThat(run(env, "roles", "boss", "--roles", "EDITOR")).isEqualTo(1);
        assertThat(text(err)).contains("'boss' is the last enabled ADMIN");
        assertThat(run(env, "disable", "nobody")).isEqualTo(1);
        assertThat(text(err)).contains("No account 'nobody'");
    }

    @Test
    void aPasswordOfMoreThan72BytesIsRefusedByName() throws Exception {
        Map<String, String> env = Map.of("CHRONICLE_DB_URL", DB, "EURO_PASSWORD", "€".repeat(30));
        assertThat(run(env, "add", "euro", "--roles", "EDITOR", "--password-env", "EURO_PASSWORD")).isEqualTo(2);
        assertThat(text(err)).contains("password: ").contains("72 bytes");
        try (Connection c = DriverManager.getConnection(DB);
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM account WHERE username = 'euro'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero();
        }

        Map<String, String> fits = Map.of("CHRONICLE_DB_URL", DB, "EURO_PASSWORD", "€".repeat(24));
        assertThat(run(fits, "add", "euro", "--roles", "EDITOR", "--password-env", "EURO_PASSWORD")).isZero();
        String hash = hashOf("euro");
        err.reset();
        assertThat(run(env, "password", "euro", "--password-env", "EURO_PASSWORD")).isEqualTo(2);
        assertThat(text(err)).contains("password: ").contains("72 bytes");
        assertThat(hashOf("euro")).as("unchanged").isEqualTo(hash);
    }

    @Test
    void givesAnAccountANewPassword() throws Exception {
        Map<String, String> env = Map.of("CHRONICLE_DB_URL", DB, "NEW_PASSWORD", "another-long-secret");
        assertThat(run(env, "add", "lena", "--roles", "EDITOR")).isZero();
        assertThat(run(env, "password", "lena", "--password-env", "NEW_PASSWORD")).isZero();
        assertThat(text(out)).contains("Account 'lena' has a new password.");
        assertThat(new BCryptPasswordEncoder().matches("another-long-secret", hashOf("lena"))).isTrue();
        assertThat(run(env, "list")).isZero();
        assertThat(text(out)).contains("lena\tEDITOR");
        assertThat(run(env, "password", "nobody")).isEqualTo(1);
        assertThat(text(err)).contains("No account 'nobody'");
    }

    private int run(Map<String, String> env, String... args) {
        return new AccountCommand(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    private static String hashOf(String username) throws Exception {
        try (Connection c = DriverManager.getConnection(DB);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT password_hash FROM account WHERE username = '" + username + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
