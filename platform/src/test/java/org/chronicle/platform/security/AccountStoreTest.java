package org.chronicle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.chronicle.api.Refusal;
import org.chronicle.platform.schema.SchemaMigrations;
import org.chronicle.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

/** The account table on a real PostgreSQL, written the way the service and the CLI write it. */
class AccountStoreTest {

    private static final DataSource DB = new DriverManagerDataSource(TestDatabase.create(AccountStoreTest.class));

    private final AtomicInteger commits = new AtomicInteger();
    private TransactionTemplate transactions;
    private AccountStore accounts;

    @BeforeEach
    void setUp() {
        new SchemaMigrations(DB, List.of(AccountStore.SCHEMA)).migrate();
        new JdbcTemplate(DB).update("DELETE FROM account");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(DB);
        transactions.addListener(new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable failure) {
                if (failure == null) {
                    commits.incrementAndGet();
                }
            }
        });
        this.transactions = new TransactionTemplate(transactions);
        accounts = new AccountStore(new JdbcTemplate(DB), new BCryptPasswordEncoder(), this.transactions);
    }

    /** What follows the commits (on H2, the sync to disk) sees every account write. */
    @Test
    void everyWriteIsACommittedTransaction() {
        accounts.add("nadia", "a-long-enough-secret", EnumSet.of(Role.EDITOR));
        assertThat(commits).hasValue(1);
        accounts.change("nadia", null, EnumSet.of(Role.READER));
        assertThat(commits).hasValue(2);
        accounts.change("nadia", "another-long-secret", EnumSet.of(Role.READER));
        assertThat(commits).hasValue(3);
        assertThat(accounts.find("nadia").orElseThrow().roles()).containsExactly(Role.READER);
    }

    @Test
    void theLastEnabledAdministratorCanBeNeitherDisabledNorDemoted() {
        accounts.add("root", "a-long-enough-secret", EnumSet.allOf(Role.class));
        accounts.add("ed", "a-long-enough-secret", EnumSet.of(Role.EDITOR));

        assertThatThrownBy(() -> accounts.enable("root", false)).isInstanceOf(Refusal.Conflict.class)
                .hasMessageContaining("last enabled ADMIN");
        assertThatThrownBy(() -> accounts.change("root", null, EnumSet.of(Role.EDITOR)))
                .isInstanceOf(Refusal.Conflict.class);
        assertThat(accounts.find("root").orElseThrow()).isEqualTo(new Account("root", EnumSet.allOf(Role.class), true));

        accounts.add("second", "a-long-enough-secret", EnumSet.of(Role.ADMIN));
        assertThat(accounts.enable("root", false).enabled()).isFalse();
        assertThatThrownBy(() -> accounts.enable("second", false)).as("the disabled one counts no more")
                .isInstanceOf(Refusal.Conflict.class);
        assertThat(accounts.enable("ed", false).enabled()).isFalse();
        assertThatThrownBy(() -> accounts.enable("nobody", false)).isInstanceOf(Refusal.NotFound.class);
    }

    /** Every change an open session must notice raises the stamp; a disabled account's sign-in is refused. */
    @Test
    void aChangeRaisesTheStamp() {
        accounts.add("nadia", "a-long-enough-secret", EnumSet.of(Role.EDITOR));
        AccountStore.Standing first = accounts.standing("nadia").orElseThrow();
        accounts.change("nadia", null, EnumSet.of(Role.READER));
        AccountStore.Standing demoted = accounts.standing("nadia").orElseThrow();
        assertThat(demoted.stamp()).isGreaterThan(first.stamp());
        assertThat(demoted.passwordMark()).isEqualTo(first.passwordMark());
        accounts.change("nadia", "another-long-secret", EnumSet.of(Role.READER));
        AccountStore.Standing changed = accounts.standing("nadia").orElseThrow();
        assertThat(changed.stamp()).isGreaterThan(demoted.stamp());
        assertThat(changed.passwordMark()).isNotEqualTo(demoted.passwordMark()).doesNotStartWith("$2");
        accounts.enable("nadia", false);
        assertThat(accounts.standing("nadia").orElseThrow().stamp()).isGreaterThan(changed.stamp());
        assertThat(accounts.loadUserByUsername("nadia").isEnabled()).isFalse();
    }

    /**
     * Two administrators demoting each other at once: the second waits for the first one's
     * transaction and is then refused, so the service never ends up without an ADMIN.
     */
    @Test
    void twoAdministratorsDemotingEachOtherLeaveOne() throws Exception {
        accounts.add("one", "a-long-enough-secret", EnumSet.of(Role.ADMIN));
        accounts.add("two", "a-long-enough-secret", EnumSet.of(Role.ADMIN));
        CountDownLatch firstDemoted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            accounts.change("one", null, EnumSet.of(Role.EDITOR));
            firstDemoted.countDown();
            pause(Duration.ofMillis(700));  // the second demotion starts meanwhile and must wait
        }));
        firstDemoted.await(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> accounts.change("two", null, EnumSet.of(Role.EDITOR)))
                .isInstanceOf(Refusal.Conflict.class);
        first.get(10, TimeUnit.SECONDS);
        assertThat(accounts.all()).extracting(Account::username, a -> a.roles().contains(Role.ADMIN))
                .containsExactly(tuple("one", false), tuple("two", true));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
