package org.chronicle.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Tests start as soon as the service's context is up, but `app` answers Rastan only once its
 * seed is projected ({@link SeedReadiness}): every Spring test of `app` waits for that first, as a
 * client waits for readiness, unless it is marked {@link WhileSeeding} to watch the wait itself.
 */
public class AwaitSeed implements TestExecutionListener, Ordered {

    /** A test class that reads the service while the seed is still being loaded. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface WhileSeeding {
    }

    @Override
    public void prepareTestInstance(TestContext context) throws Exception {
        if (context.getTestClass().isAnnotationPresent(WhileSeeding.class) || !context.hasApplicationContext()) {
            return;
        }
        SeedReadiness seed = context.getApplicationContext().getBeanProvider(SeedReadiness.class).getIfAvailable();
        if (seed != null && !seed.awaitSeeded(Duration.ofMinutes(3))) {
            throw new IllegalStateException("The Rastan seed was not projected within 3 minutes");
        }
    }

    /** After dependency injection, which loads the context. */
    @Override
    public int getOrder() {
        return 5_000;
    }
}
