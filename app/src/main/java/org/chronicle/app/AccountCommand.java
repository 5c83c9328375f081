package org.chronicle.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chronicle.api.Refusal;
import org.chronicle.platform.schema.SchemaMigrations;
import org.chronicle.platform.security.Account;
import org.chronicle.platform.security.AccountStore;
import org.chronicle.platform.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar app.jar account ...}: adds accounts, changes their roles and disables them in the store,
 * without a running service (the H2 default is opened in AUTO_SERVER mode, so a running service
 * may share it).
 */
final class AccountCommand {

    static final String USAGE = """
            Usage:
              account add NAME --roles ROLE[,ROLE...] [--password-env VARIABLE]
              account roles NAME --roles ROLE[,ROLE...]
              account password NAME [--password-env VARIABLE]
              account disable NAME
              account enable NAME
              account list
            Roles: READER, EDITOR, ADMIN (each includes the ones before it).
            The password is read from the environment variable named by --password-env, or generated
            and printed once. A disabled account cannot sign in; the last enabled ADMIN can be neither
            disabled nor demoted. The store is CHRONICLE_DB_URL, or the embedded default under ./data.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    AccountCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** Runs the command; answers the process's exit code. */
    int run(List<String> args) {
        if (args.isEmpty() || args.contains("--help")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        try {
            AccountStore accounts = openStore();
            switch (args.get(0)) {
                case "add" -> add(accounts, args);
                case "roles" -> roles(accounts, args);
                case "password" -> password(accounts, args);
                case "disable" -> enable(accounts, args, false);
                case "enable" -> enable(accounts, args, true);
                case "list" -> accounts.all().forEach(a -> out.println(a.username() + "\t" + names(a.roles())
                        + (a.enabled() ? "" : "\tdisabled")));
                default -> {
                    err.print("Unknown account command '" + args.get(0) + "'.\n" + USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (Refusal.Invalid e) {
            e.violations().forEach(v -> err.println(v.field() + ": " + v.message()));
            return 2;
        } catch (Refusal e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.print(e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    private void add(AccountStore accounts, List<String> args) {
        String name = positional(args);
        String password = password(args);
        Account added = accounts.add(name, password, roles(args));
        out.println("Added account '" + added.username() + "' with roles " + names(added.roles()) + ".");
        shownOnce(args, password);
    }

    /** A new password, for instance the administrator's when it is lost; its page sessions end. */
    private void password(AccountStore accounts, List<String> args) {
        String name = positional(args);
        Account current = accounts.find(name).orElseThrow(() -> new Refusal.NotFound("No account '" + name + "'."));
        String password = password(args);
        accounts.change(name, password, current.roles());
        out.println("Account '" + name + "' has a new password.");
        shownOnce(args, password);
    }

    /** From the environment variable named by --password-env, or generated. */
    private String password(List<String> args) {
        String variable = option(args, "--password-env", null);
        String password = variable == null ? AccountStore.generatePassword() : env.get(variable);
        if (password == null) {
            throw new IllegalArgumentException("The environment variable " + variable + " is not set.");
        }
        return password;
    }

    private void shownOnce(List<String> args, String password) {
        if (option(args, "--password-env", null) == null) {
            out.println("Its password, shown this once: " + password);
        }
    }

    private void roles(AccountStore accounts, List<String> args) {
        Account changed = accounts.change(positional(args), null, roles(args));
        out.println("Account '" + changed.username() + "' now has roles " + names(changed.roles()) + ".");
    }

    /**
     * A running service sees the change at the account's next page request; HTTP Basic clients it
     * has just checked are believed for up to {@code chronicle.security.remember-credentials} more.
     */
    private void enable(AccountStore accounts, List<String> args, boolean enabled) {
        Account changed = accounts.enable(positional(args), enabled);
        out.println("Account '" + changed.username() + "' is now " + (enabled ? "enabled" : "disabled") + ".");
    }

    private AccountStore openStore() {
        String url = env.getOrDefault("CHRONICLE_DB_URL", "jdbc:h2:file:./data/chronicle;AUTO_SERVER=TRUE");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
        new SchemaMigrations(dataSource, List.of(AccountStore.SCHEMA)).migrate();
        return new AccountStore(new JdbcTemplate(dataSource), new BCryptPasswordEncoder(),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static String positional(List<String> args) {
        if (args.size() < 2 || args.get(1).startsWith("--")) {
            throw new IllegalArgumentException("Name the account.");
        }
        return args.get(1);
    }

    private static Set<Role> roles(List<String> args) {
        String value = option(args, "--roles", null);
        if (value == null) {
            throw new IllegalArgumentException("Give the account's roles with --roles.");
        }
        try {
            return Arrays.stream(value.split(",")).map(String::trim).map(String::toUpperCase).map(Role::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Roles are READER, EDITOR and ADMIN, not '" + value + "'.");
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }
}
