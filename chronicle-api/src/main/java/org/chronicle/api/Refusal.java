package org.chronicle.api;

import java.util.List;

/**
 * Why a command was not carried out. The command side refuses before any event exists, so a
 * refused command stores nothing; the web layer turns each kind into its HTTP status.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.Invalid, Refusal.NotFound, Refusal.Conflict {

    private Refusal(String message) {
        super(message, null, false, false);
    }

    /** The content breaks a rule of the contract; each violation names its field. */
    public static final class Invalid extends Refusal {
        private final List<Violation> violations;

        public Invalid(List<Violation> violations) {
            super("The request breaks " + violations.size() + " rule(s) of the contract.");
            this.violations = List.copyOf(violations);
        }

        public Invalid(String field, String message) {
            this(List.of(new Violation(field, message)));
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** The chronicle or report named does not exist. */
    public static final class NotFound extends Refusal {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request contradicts what is already recorded. */
    public static final class Conflict extends Refusal {
        public Conflict(String message) {
            super(message);
        }
    }
}
