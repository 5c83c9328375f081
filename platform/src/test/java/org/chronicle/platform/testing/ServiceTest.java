package org.chronicle.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Chronicle service started in the test's JVM on a random port, on a PostgreSQL database of
 * the test class's own (see {@link TestDatabase}), with the test administrator of
 * {@link Accounts}. {@link ServiceTestDatabase} does the wiring.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ServiceTest {
}
