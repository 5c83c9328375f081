package org.chronicle.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
public class WebConfiguration {

    @Bean
    Problems problems() {
        return new Problems();
    }
}
