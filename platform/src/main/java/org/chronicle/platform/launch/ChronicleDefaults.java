package org.chronicle.platform.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every Chronicle process shares (serializers, problem+json, the strict request
 * reader) as the property source of lowest precedence, so that each application's own
 * {@code application.properties}, the environment and the command line can still override them.
 */
public class ChronicleDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "chronicle-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        NoOutboundCalls.apply();
        try {
            new PropertiesPropertySourceLoader()
                    .load(RESOURCE, new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
