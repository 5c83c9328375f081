package org.chronicle.platform.eventstore;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** A PostgreSQL datasource and a switch property that is true unless set otherwise. */
abstract class SwitchedOnPostgres implements Condition {

    private final String property;

    SwitchedOnPostgres(String property) {
        this.property = property;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        return environment.getProperty(property, Boolean.class, true)
                && url != null && DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL;
    }

    /** {@code chronicle.events.listen}: the query side LISTENs for appends. */
    static final class Listening extends SwitchedOnPostgres {
        Listening() {
            super("chronicle.events.listen");
        }
    }

    /** {@code chronicle.events.notify}: writers NOTIFY after their appends commit. */
    static final class Notifying extends SwitchedOnPostgres {
        Notifying() {
            super("chronicle.events.notify");
        }
    }
}
