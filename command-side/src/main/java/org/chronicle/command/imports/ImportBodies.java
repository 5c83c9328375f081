package org.chronicle.command.imports;

import org.chronicle.platform.web.BodyAllowance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * An import file is spooled to disk, never held in memory, so it may be far larger than a
 * report's body: a whole dataset of a war ({@code chronicle.imports.max-body}, 2 GB).
 */
@Configuration(proxyBeanMethods = false)
class ImportBodies {

    @Bean
    BodyAllowance importBodyAllowance(@Value("${chronicle.imports.max-body:2GB}") DataSize limit) {
        return new BodyAllowance("/api/v1/chronicles/*/imports", limit);
    }
}
