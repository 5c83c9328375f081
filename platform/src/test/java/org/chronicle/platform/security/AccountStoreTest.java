package org.chronicle.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
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
        accounts = new AccountStore(new JdbcTemplate(DB), new BCryptPasswordEncoder(), new TransactionTemplate(transactions));
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
}
