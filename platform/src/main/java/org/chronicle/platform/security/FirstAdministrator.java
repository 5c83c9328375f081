package org.chronicle.platform.security;

import java.util.EnumSet;
import org.chronicle.api.Refusal;

/**
 * The account {@code admin} (all roles) exists from the first start. Its password is
 * {@code CHRONICLE_ADMIN_PASSWORD} when set, and otherwise generated and printed once, to the
 * console only: it is in no file and no later start shows it again.
 */
final class FirstAdministrator {

    static final String NAME = "admin";

    private final AccountStore accounts;
    private final String configuredPassword;

    FirstAdministrator(AccountStore accounts, String configuredPassword) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword;
    }

    /**
     * A password the operator chose is judged when the service starts, database or not, so that a
     * refused one stops the start even when the account itself waits for the database.
     */
    void checkConfiguredPassword() {
        if (configuredPassword == null || configuredPassword.isBlank()) {
            return;
        }
        try {
            AccountStore.checkPassword(configuredPassword);
        } catch (Refusal.Invalid refused) {
            throw refused(refused);
        }
    }

    void create() {
        if (accounts.find(NAME).isPresent()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? AccountStore.generatePassword() : configuredPassword;
        try {
            accounts.add(NAME, password, EnumSet.allOf(Role.class));
        } catch (Refusal.Conflict anotherProcessWasFirst) {
            return;
        } catch (Refusal.Invalid refused) {
            throw refused(refused);
        }
        if (generated) {
            System.out.println("""

                    Chronicle created the administrator account 'admin' with the password:

                        %s

                    It is shown this once. Set CHRONICLE_ADMIN_PASSWORD before the first start to choose it.
                    """.formatted(password));
        }
    }

    /** The operator chose the password: what is wrong with it is said in the terms they set it in. */
    private static IllegalStateException refused(Refusal.Invalid refused) {
        return new IllegalStateException("CHRONICLE_ADMIN_PASSWORD (chronicle.admin.password) is refused: "
                + String.join("; ", refused.violations().stream().map(v -> v.message()).toList()), refused);
    }
}
