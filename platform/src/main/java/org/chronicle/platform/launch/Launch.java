package org.chronicle.platform.launch;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** How every Chronicle process starts: silence the framework's update check, then start Spring. */
public final class Launch {

    private Launch() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String... args) {
        NoOutboundCalls.apply();
        return SpringApplication.run(application, args);
    }
}
