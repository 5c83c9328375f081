package org.chronicle.command.chronicle;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.chronicle.api.chronicle.ChronicleDefinition;

/** The catalog's contract held in memory, for aggregate tests that run without a database. */
public final class KnownChronicles implements ChronicleCatalog {

    private final Map<String, ChronicleDefinition> definitions = new HashMap<>();
    private final Map<String, Usage> usages = new HashMap<>();
    private final Map<String, RegisteredReport> reports = new HashMap<>();

    public KnownChronicles with(String chronicleId, ChronicleDefinition definition) {
        definitions.put(chronicleId, definition);
        return this;
    }

    public KnownChronicles used(String chronicleId, Usage usage) {
        usages.put(chronicleId, usage);
        return this;
    }

    public KnownChronicles withReport(String chronicleId, String reportId, String duplicateOf) {
        reports.put(chronicleId + "/" + reportId, new RegisteredReport(reportId, Optional.ofNullable(duplicateOf)));
        return this;
    }

    @Override
    public Optional<RegisteredReport> report(String chronicleId, String reportId) {
        return Optional.ofNullable(reports.get(chronicleId + "/" + reportId));
    }

    @Override
    public Optional<ChronicleDefinition> definition(String chronicleId) {
        return Optional.ofNullable(definitions.get(chronicleId));
    }

    @Override
    public Usage usage(String chronicleId) {
        return usages.getOrDefault(chronicleId, Usage.NONE);
    }
}
