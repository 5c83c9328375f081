package org.chronicle.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.chronicle.api.Ids;
import org.chronicle.api.Refusal;
import org.chronicle.platform.eventstore.DurableCommits;
import org.chronicle.platform.schema.MigrationUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts in the {@code account} table, with bcrypt hashes of their passwords. */
public class AccountStore implements UserDetailsService {

    /** The accounts table: a migration unit of its own, shared by every process and by the CLI. */
    public static final MigrationUnit SCHEMA = new MigrationUnit("accounts", "classpath:db/accounts",
            MigrationUnit.EVENT_STORE + 1);
    static final int MIN_PASSWORD = 12;
    /** bcrypt reads no more than 72 bytes of a password: a longer one would be refused by the encoder. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;

    /**
     * Every write runs in a transaction of {@code transactions}, so that whatever follows the
     * transaction manager's commits sees it too: on H2 that is the sync to disk of
     * {@code DurableCommits}, which an autocommit update would skip.
     */
    public AccountStore(JdbcTemplate jdbc, PasswordEncoder passwords, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.transactions = transactions;
    }

    /** 24 characters from an alphabet without look-alikes (about 140 bits). */
    public static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Adds an account; 409 when the name is taken. */
    public Account add(String username, String password, Set<Role> roles) {
        check(username, password, roles);
        String hash = passwords.encode(password);
        try {
            written(() -> jdbc.update(
                    "INSERT INTO account (username, password_hash, roles, created_at) VALUES (?, ?, ?, ?)",
                    username, hash, write(roles), Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException taken) {
            throw new Refusal.Conflict("An account named '" + username + "' exists already.");
        }
        return new Account(username, roles, true);
    }

    /**
     * Gives an account new roles and, when one is given, a new password; 404 for an unknown name,
     * 409 when it would leave no enabled ADMIN.
     */
    public Account change(String username, String password, Set<Role> roles) {
        check(username, password == null ? "x".repeat(MIN_PASSWORD) : password, roles);
        String hash = password == null ? null : passwords.encode(password);
        written(() -> {
            if (!roles.contains(Role.ADMIN)) {
                keepAnAdministrator(username, "demoted");
            }
            if (hash != null) {
                updateOrNotFound(username, jdbc.update("UPDATE account SET password_hash = ?, roles = ?, "
                        + "stamp = stamp + 1 WHERE username = ?", hash, write(roles), username));
            } else {
                updateOrNotFound(username, jdbc.update("UPDATE account SET roles = ?, stamp = stamp + 1 "
                        + "WHERE username = ?", write(roles), username));
            }
        });
        return find(username).orElseThrow();
    }

    /** Enables or disables an account; 404 for an unknown name, 409 for the last enabled ADMIN. */
    public Account enable(String username, boolean enabled) {
        written(() -> {
            if (!enabled) {
                keepAnAdministrator(username, "disabled");
            }
            updateOrNotFound(username, jdbc.update("UPDATE account SET enabled = ?, stamp = stamp + 1 "
                    + "WHERE username = ?", enabled, username));
        });
        return find(username).orElseThrow();
    }

    /** An account write, in a transaction that is on disk before it returns (on H2, see DurableCommits). */
    private void written(Runnable write) {
        transactions.executeWithoutResult(tx -> {
            DurableCommits.required();
            write.run();
        });
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT username, roles, enabled FROM account WHERE username = ?", AccountStore::account,
                username).stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT username, roles, enabled FROM account ORDER BY username", AccountStore::account);
    }

    /** What a page session checks on each request: one look-up by primary key. */
    Optional<Standing> standing(String username) {
        return jdbc.query("SELECT stamp, enabled, roles, password_hash FROM account WHERE username = ?",
                (rs, n) -> new Standing(rs.getLong(1), rs.getBoolean(2), read(rs.getString(3)),
                        mark(rs.getString(4))), username).stream().findFirst();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.query("SELECT username, password_hash, roles, enabled FROM account WHERE username = ?",
                (rs, n) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(read(rs.getString(3)).stream().flatMap(Role::grantedAuthorities)
                                .distinct().toArray(String[]::new))
                        .disabled(!rs.getBoolean(4))
                        .build(), username)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("No account " + username));
    }

    /**
     * Refuses to leave the service without an enabled ADMIN. The enabled administrators' rows
     * are locked first, so two administrators demoting each other at once are judged one after
     * the other and the second is refused.
     */
    private void keepAnAdministrator(String username, String change) {
        List<String> administrators = jdbc.queryForList("SELECT username FROM account WHERE enabled "
                + "AND roles LIKE '%" + Role.ADMIN.name() + "%' FOR UPDATE", String.class);
        if (administrators.equals(List.of(username))) {
            throw new Refusal.Conflict("'" + username + "' is the last enabled ADMIN and cannot be " + change
                    + ": give another account the ADMIN role first.");
        }
    }

    private static void check(String username, String password, Set<Role> roles) {
        if (!Ids.isValid(username)) {
            throw new Refusal.Invalid("username", Ids.RULE);
        }
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new Refusal.Invalid("roles", "at least one of READER, EDITOR, ADMIN");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || !fitsBcrypt(password)) {
            throw new Refusal.Invalid("password", "must be at least " + MIN_PASSWORD + " characters and at most "
                    + MAX_PASSWORD_BYTES + " bytes in UTF-8 (a letter such as é takes 2 bytes, € takes 3)");
        }
    }

    /** Measured in bytes, as bcrypt measures it, not in characters. */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    private static void updateOrNotFound(String username, int updated) {
        if (updated == 0) {
            throw new Refusal.NotFound("No account '" + username + "'.");
        }
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString(1), read(rs.getString(2)), rs.getBoolean(3));
    }

    /** A session keeps a digest of the password hash, never the hash: it tells a new password from new roles. */
    private static String mark(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An account as its sessions see it: the stamp, whether it may sign in, its roles, its password's mark. */
    record Standing(long stamp, boolean enabled, Set<Role> roles, String passwordMark) {
    }

    private static String write(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static Set<Role> read(String roles) {
        return Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
