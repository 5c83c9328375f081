package org.chronicle.platform.testing;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each {@link ServiceTest} class a database of its own. The customizer is keyed by the
 * test class, so two classes never share a cached context, and so never share events.
 */
public class ServiceTestDatabase implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configurations) {
        return AnnotatedElementUtils.hasAnnotation(testClass, ServiceTest.class) ? new OwnDatabase(testClass) : null;
    }

    private record OwnDatabase(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            TestPropertyValues.of(
                    "spring.datasource.url=" + TestDatabase.create(testClass),
                    "chronicle.admin.password=" + Accounts.ADMIN_PASSWORD,
                    // Each test writes the story it checks; the chronicle `app` loads at start stays out.
                    "chronicle.seed.enabled=false",
                    // One test JVM holds several services at once on one PostgreSQL.
                    "spring.datasource.hikari.maximum-pool-size=4"
            ).applyTo(context);
        }
    }
}
