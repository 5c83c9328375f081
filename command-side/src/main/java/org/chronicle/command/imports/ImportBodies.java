package org.chronicle.command.imports;

import org.chronicle.platform.web.BodyAllowance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * An import file is spooled to disk, never held in memory, so it may be far larger than a
 * report's body: a whole dataset of a war ({@code chronicle.imports.max-body}, 2 GB). What is
 * held is a row at a time, so a CSV file's rows and fields are bounded too.
 */
@Configuration(proxyBeanMethods = false)
class ImportBodies {

    @Bean
    BodyAllowance importBodyAllowance(@Value("${chronicle.imports.max-body:2GB}") DataSize limit) {
        return new BodyAllowance("/api/v1/chronicles/*/imports", limit);
    }

    /**
     * A field of 100,000 characters holds the longest a report keeps (a summary of 4,000, a GED
     * row's list of a hundred sources) many times over; a row of 1,000,000 is the longest text the
     * JSON formats take.
     */
    @Bean
    CsvRows.Bounds csvBounds(@Value("${chronicle.imports.max-field:100000}") int maxField,
                             @Value("${chronicle.imports.max-row:1000000}") int maxRow) {
        return new CsvRows.Bounds(maxField, maxRow);
    }
}
