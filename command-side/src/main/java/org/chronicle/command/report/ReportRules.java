package org.chronicle.command.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chronicle.api.Figure;
import org.chronicle.api.Ids;
import org.chronicle.api.Period;
import org.chronicle.api.PlainText;
import org.chronicle.api.Violation;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.Casualties;
import org.chronicle.api.report.Origin;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportType;
import org.chronicle.api.report.SourceRef;
import org.chronicle.command.chronicle.DefinitionLimits;

/**
 * The rules of the contract for a report's content, checked against its chronicle's definition.
 * Each broken rule is named by its JSON path, under {@code prefix} (empty for a new report,
 * {@code report.} for the report inside a correction).
 */
final class ReportRules {

    static final int MAX_SUMMARY = 4_000;
    static final int MAX_SOURCE_NAME = 500;
    static final int MAX_TEXT = 500;
    static final int MAX_URL = 2_000;
    static final int MAX_SOURCES = 100;
    /** More than the dead of the Second World War: a figure above it is a typing error, not a claim. */
    static final long MAX_FIGURE = 100_000_000L;
    static final int MAX_ORIGIN_COLUMNS = 200;
    static final int MAX_ORIGIN_VALUE = 20_000;

    private final ChronicleDefinition chronicle;
    private final String prefix;
    private final List<Violation> violations = new ArrayList<>();

    private ReportRules(ChronicleDefinition chronicle, String prefix) {
        this.chronicle = chronicle;
        this.prefix = prefix;
    }

    static List<Violation> check(ChronicleDefinition chronicle, ReportContent content, String prefix) {
        ReportRules rules = new ReportRules(chronicle, prefix);
        if (content == null) {
            rules.violations.add(new Violation(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "is required"));
            return rules.violations;
        }
        rules.type(content);
        rules.when(content);
        rules.area(content.area());
        rules.text("summary", content.summary(), MAX_SUMMARY, true);
        rules.sources(content.sources());
        rules.casualties(content.casualties());
        rules.blocks(content);
        rules.origin(content.origin());
        return rules.violations;
    }

    /**
     * The dataset row a report came from is kept and exported as it came, so it keeps to plain
     * text as every other text does (PostgreSQL cannot store a NUL in its text columns), and to
     * the size of a real row: UCDP's widest has 49 columns, ACLED's 31.
     */
    private void origin(Origin origin) {
        if (origin == null) {
            return;
        }
        if (!Ids.isValid(origin.dataset())) {
            add("origin.dataset", Ids.RULE);
        }
        if (origin.id() != null && !Ids.isValid(origin.id())) {
            add("origin.id", Ids.RULE);
        }
        Map<String, String> fields = origin.fields() == null ? Map.of() : origin.fields();
        if (fields.size() > MAX_ORIGIN_COLUMNS) {
            add("origin.fields", "at most " + MAX_ORIGIN_COLUMNS + " columns");
            return;
        }
        fields.forEach((column, value) -> {
            String at = "origin.fields." + column;
            if (column.isBlank() || column.length() > MAX_TEXT || PlainText.refusal(column).isPresent()) {
                add("origin.fields", "a column name must be 1-" + MAX_TEXT + " characters of plain text");
            } else if (value != null && value.length() > MAX_ORIGIN_VALUE) {
                add(at, "must be at most " + MAX_ORIGIN_VALUE + " characters");
            } else {
                PlainText.refusal(value).ifPresent(why -> add(at, why));
            }
        });
    }

    private void type(ReportContent content) {
        if (content.type() == null) {
            add("type", "is required: one of CASUALTIES, SHELLING, DEFECTION, CONTROL_CHANGE, CLASH");
        }
    }

    private void when(ReportContent content) {
        if (content.date() == null && content.period() == null) {
            add("date", "either date or period is required");
        } else if (content.date() != null && content.period() != null) {
            add("period", "must not be given with date: a report has one or the other");
        } else if (content.date() != null) {
            day("date", content.date());
            if (content.latestDate() != null) {
                day("latestDate", content.latestDate());
                if (content.latestDate().isBefore(content.date())) {
                    add("latestDate", "must not be before date");
                }
            }
        } else {
            period(content);
        }
    }

    private void period(ReportContent content) {
        Period period = content.period();
        if (content.latestDate() != null) {
            add("latestDate", "goes with a date, not with a period");
        }
        if (content.type() == ReportType.CONTROL_CHANGE) {
            add("period", "a CONTROL_CHANGE takes a date, not a period");
        }
        if (period.start() == null || period.end() == null) {
            add(period.start() == null ? "period.start" : "period.end", "is required");
            return;
        }
        day("period.start", period.start());
        day("period.end", period.end());
        if (!period.isOrdered()) {
            add("period.end", "must not be before period.start");
        }
    }

    private void day(String field, java.time.LocalDate day) {
        if (!chronicle.period().contains(day)) {
            add(field, day + " lies outside the chronicle's period " + chronicle.period().start()
                    + " to " + chronicle.period().end());
        }
    }

    private void area(String area) {
        if (area == null) {
            add("area", "is required");
        } else if (!chronicle.areaIds().contains(area)) {
            add("area", "'" + area + "' is not an area of this chronicle");
        }
    }

    /** Why a correction, retraction, reinstatement or duplicate mark was made: required, as text. */
    static List<Violation> reason(String reason) {
        ReportRules rules = new ReportRules(null, "");
        rules.text("reason", reason, MAX_SUMMARY, true);
        return rules.violations;
    }

    /** The sources of a correction, under {@code field}; a correction may have none of its own. */
    static List<Violation> sources(List<SourceRef> sources, String field, boolean required) {
        ReportRules rules = new ReportRules(null, "");
        rules.checkSources(sources, field, required);
        return rules.violations;
    }

    private void sources(List<SourceRef> sources) {
        checkSources(sources, "sources", true);
    }

    private void checkSources(List<SourceRef> sources, String field, boolean required) {
        if (sources.isEmpty() && required) {
            add(field, "at least one source is required");
        } else if (sources.size() > MAX_SOURCES) {
            add(field, "at most " + MAX_SOURCES + " sources");
        }
        for (int i = 0; i < sources.size() && i < MAX_SOURCES; i++) {
            SourceRef source = sources.get(i);
            String at = field + "[" + i + "]";
            if (source == null) {
                add(at, "must not be null");
                continue;
            }
            text(at + ".name", source.name(), MAX_SOURCE_NAME, true);
            text(at + ".publisher", source.publisher(), MAX_TEXT, false);
            text(at + ".url", source.url(), MAX_URL, false);
            // A day's tolerance: the client's today may already be tomorrow in UTC.
            if (source.publishedOn() != null && source.publishedOn().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
                add(at + ".publishedOn", "must not be in the future: a source is published before it is reported");
            } else if (source.publishedOn() != null && !DefinitionLimits.isInYears(source.publishedOn())) {
                add(at + ".publishedOn", "must lie in the years " + DefinitionLimits.FIRST_YEAR + " to "
                        + DefinitionLimits.LAST_YEAR);
            }
        }
    }

    private void casualties(List<Casualties> casualties) {
        Set<String> parties = new HashSet<>();
        for (int i = 0; i < casualties.size(); i++) {
            Casualties count = casualties.get(i);
            String at = "casualties[" + i + "]";
            if (count == null) {
                add(at, "must not be null");
                continue;
            }
            if (count.party() == null || count.party().id() == null) {
                add(at + ".party", "is required");
            } else if (!chronicle.knowsParty(count.party())) {
                add(at + ".party", "'" + count.party() + "' is neither a side of this chronicle nor civilians or unknown");
            } else if (!parties.add(count.party().id())) {
                add(at + ".party", "'" + count.party() + "' is counted twice in one report");
            }
            if (count.killed() == null && count.wounded() == null) {
                add(at, "gives neither killed nor wounded");
            }
            figure(at + ".killed", count.killed());
            figure(at + ".wounded", count.wounded());
        }
    }

    private void figure(String field, Figure figure) {
        if (figure == null) {
            return;
        }
        if (figure.low() < 0) {
            add(field + ".low", "must not be negative");
        } else if (figure.low() > figure.best()) {
            add(field + ".best", "must not be below low");
        } else if (figure.high() != null && figure.best() > figure.high()) {
            add(field + ".high", "must not be below best");
        } else if ((figure.high() == null ? figure.best() : figure.high()) > MAX_FIGURE) {
            boolean exact = figure.high() != null && figure.low() == figure.high();
            add(exact ? field : field + (figure.high() == null ? ".best" : ".high"),
                    "must be at most " + MAX_FIGURE + ": no battle or war has counted more");
        }
    }

    private void blocks(ReportContent content) {
        ReportType type = content.type();
        block("shelling", content.shelling() != null, type == ReportType.SHELLING, type);
        block("defection", content.defection() != null, type == ReportType.DEFECTION, type);
        block("control", content.control() != null, type == ReportType.CONTROL_CHANGE, type);
        if (content.shelling() != null) {
            side("shelling.by", content.shelling().by(), false);
            text("shelling.weapon", content.shelling().weapon(), MAX_TEXT, false);
            notNegative("shelling.rounds", content.shelling().rounds());
            notNegative("shelling.durationMinutes", content.shelling().durationMinutes());
        }
        if (content.defection() != null) {
            side("defection.from", content.defection().from(), false);
            side("defection.to", content.defection().to(), false);
            notNegative("defection.count", content.defection().count());
            text("defection.rank", content.defection().rank(), MAX_TEXT, false);
            text("defection.unit", content.defection().unit(), MAX_TEXT, false);
        }
        if (content.control() != null) {
            side("control.to", content.control().to(), true);
            if (content.control().extent() == null) {
                add("control.extent", "is required: PARTIAL or FULL");
            }
        }
    }

    private void block(String field, boolean present, boolean required, ReportType type) {
        if (type == null) {
            return;
        }
        if (required && !present) {
            add(field, "is required for a " + type + " report");
        } else if (!required && present) {
            add(field, "does not belong to a " + type + " report");
        }
    }

    private void side(String field, String side, boolean required) {
        if (side == null) {
            if (required) {
                add(field, "is required");
            }
        } else if (!chronicle.sideIds().contains(side)) {
            add(field, "'" + side + "' is not a side of this chronicle");
        }
    }

    private void notNegative(String field, Integer value) {
        if (value != null && value < 0) {
            add(field, "must not be negative");
        }
    }

    private void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
        } else if (value.length() > max) {
            add(field, "must be at most " + max + " characters");
        } else {
            PlainText.refusal(value).ifPresent(why -> add(field, why));
        }
    }

    private void add(String field, String message) {
        violations.add(new Violation(prefix + field, message));
    }
}
