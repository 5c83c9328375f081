package org.chronicle.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** A first administrator's password the operator chose but the rules refuse stops the start, saying why. */
class FirstAdministratorTest {

    @Test
    void aShortConfiguredPasswordIsRefusedByTheNameTheOperatorSetItBy() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.create(FirstAdministratorTest.class)));
        jdbc.execute("CREATE TABLE account (username VARCHAR(100) NOT NULL PRIMARY KEY, password_hash VARCHAR(100) "
                + "NOT NULL, roles VARCHAR(200) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "stamp BIGINT NOT NULL DEFAULT 0, enabled BOOLEAN NOT NULL DEFAULT TRUE)");
        FirstAdministrator first = new FirstAdministrator(new AccountStore(jdbc, new BCryptPasswordEncoder(), null), "x");
        assertThatThrownBy(first::create)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHRONICLE_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12 characters");
    }

    /** The account waits for the database when it is away; the refusal does not. */
    @Test
    void aShortConfiguredPasswordIsRefusedWithoutTheDatabase() {
        FirstAdministrator first = new FirstAdministrator(null, "short");
        assertThatThrownBy(first::checkConfiguredPassword)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHRONICLE_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12 characters");
    }

    /** Thirty euro signs are thirty characters but ninety bytes, more than bcrypt reads. */
    @Test
    void aConfiguredPasswordIsMeasuredInBytes() {
        FirstAdministrator first = new FirstAdministrator(null, "€".repeat(30));
        assertThatThrownBy(first::checkConfiguredPassword)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("72 bytes in UTF-8");
        assertThatCode(new FirstAdministrator(null, "€".repeat(24))::checkConfiguredPassword).doesNotThrowAnyException();
    }

    @Test
    void noConfiguredPasswordLeavesTheChoiceToTheFirstStart() {
        assertThatCode(new FirstAdministrator(null, "")::checkConfiguredPassword).doesNotThrowAnyException();
        assertThatCode(new FirstAdministrator(null, null)::checkConfiguredPassword).doesNotThrowAnyException();
    }
}
