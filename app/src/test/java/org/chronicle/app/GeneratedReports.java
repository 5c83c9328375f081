package org.chronicle.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reports of every type over the areas and sides of {@link org.chronicle.platform.testing.Rastan#CHRONICLE}
 * and the days of a period, drawn from a seeded {@link Random}: casualty counts with exact and
 * open figures, period claims, changes of control of either extent, clashes, shelling and
 * defections, so that every read model and every counting rule has rows to work on. Each body
 * is valid for the chronicle, so a refusal of one is the service's doing, not the generator's.
 */
final class GeneratedReports {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> AREAS = List.of("rastan", "rastan-west", "rastan-suburbs");
    private static final List<String> SIDES = List.of("fsa", "government");
    private static final List<String> PARTIES = List.of("civilians", "fsa", "government", "unknown");
    private static final List<String> PUBLISHERS = List.of("AFP", "Reuters", "SOHR", "SANA", "LCC");

    private final Random random;
    private final LocalDate start;
    private final int days;

    GeneratedReports(Random random, LocalDate start, LocalDate end) {
        this.random = random;
        this.start = start;
        this.days = (int) (end.toEpochDay() - start.toEpochDay()) + 1;
    }

    /** A report's whole content, without its id: the body of a correction's {@code report}. */
    ObjectNode content(String summary) {
        ObjectNode report = JSON.createObjectNode();
        int kind = random.nextInt(100);
        String type = kind < 60 ? "CASUALTIES" : kind < 72 ? "CONTROL_CHANGE"
                : kind < 82 ? "CLASH" : kind < 92 ? "SHELLING" : "DEFECTION";
        report.put("type", type);
        LocalDate day = day();
        LocalDate published = day;
        if (kind >= 50 && kind < 60) {
            // A running total over a few days: a period claim, in no day of its own (counting rule 3).
            LocalDate end = day.plusDays(1 + random.nextInt(6));
            end = end.isAfter(last()) ? last() : end;
            report.putObject("period").put("start", day.toString()).put("end", end.toString());
            published = end;
        } else {
            report.put("date", day.toString());
            if (random.nextInt(10) == 0 && !"CONTROL_CHANGE".equals(type)) {
                LocalDate latest = day.plusDays(1 + random.nextInt(2));
                report.put("latestDate", (latest.isAfter(last()) ? last() : latest).toString());
            }
        }
        report.put("area", pick(AREAS));
        report.put("summary", summary);
        ArrayNode sources = report.putArray("sources");
        ObjectNode source = sources.addObject().put("name", "Dispatch on " + summary).put("publisher", pick(PUBLISHERS));
        if (random.nextInt(8) == 0) {
            source.putNull("publishedOn");
        } else {
            source.put("publishedOn", published.plusDays(random.nextInt(3)).toString());
        }
        if ("CASUALTIES".equals(type) || random.nextInt(3) == 0) {
            casualties(report.putArray("casualties"));
        }
        switch (type) {
            case "CONTROL_CHANGE" -> report.putObject("control").put("to", pick(SIDES))
                    .put("extent", random.nextBoolean() ? "FULL" : "PARTIAL");
            case "SHELLING" -> {
                ObjectNode shelling = report.putObject("shelling").put("by", pick(SIDES)).put("weapon", "TANK");
                if (random.nextBoolean()) {
                    shelling.put("rounds", random.nextInt(60));
                }
            }
            case "DEFECTION" -> report.putObject("defection").put("from", "government").put("to", "fsa")
                    .put("count", 1 + random.nextInt(40));
            default -> {
            }
        }
        return report;
    }

    /** A report with its id: the body of {@code POST .../reports} and of a RECORDED row. */
    ObjectNode report(String reportId) {
        ObjectNode report = JSON.createObjectNode().put("reportId", reportId);
        report.setAll(content("report " + reportId));
        return report;
    }

    /**
     * A chronicle file of our own format ({@code chronicle/1}): the definition, then
     * {@code reports} reports recorded in turn, with corrections, retractions, reinstatements and
     * duplicate marks among them on earlier reports, each allowed by the report's state at its
     * place in the file.
     */
    ObjectNode chronicleFile(String definition, int reports) throws JsonProcessingException {
        ObjectNode file = JSON.createObjectNode().put("format", "chronicle/1");
        file.set("definition", JSON.readTree(definition));
        ArrayNode events = file.putArray("events");
        List<String> ids = new ArrayList<>();
        Map<String, String> state = new HashMap<>();    // COUNTING, RETRACTED or DUPLICATE
        for (int n = 0; n < reports; n++) {
            String id = "r-" + n;
            ObjectNode recorded = events.addObject().put("kind", "RECORDED").put("reportId", id);
            recorded.set("report", content("report " + id));
            ids.add(id);
            state.put(id, "COUNTING");
            if (n < 10 || random.nextInt(3) > 0) {
                continue;
            }
            String target = ids.get(random.nextInt(ids.size()));
            String now = state.get(target);
            int kind = random.nextInt(10);
            if (now.equals("RETRACTED")) {
                events.addObject().put("kind", "REINSTATED").put("reportId", target).put("reason", "confirmed after all");
                state.put(target, "COUNTING");
            } else if (now.equals("DUPLICATE")) {
                continue;
            } else if (kind < 5) {
                ObjectNode corrected = events.addObject().put("kind", "CORRECTED").put("reportId", target)
                        .put("reason", "revised toll");
                corrected.putArray("sources").addObject().put("name", "Later dispatch").put("publisher", "AFP")
                        .put("publishedOn", day().toString());
                corrected.set("report", content("corrected " + target));
            } else if (kind < 8) {
                events.addObject().put("kind", "RETRACTED").put("reportId", target).put("reason", "unfounded");
                state.put(target, "RETRACTED");
            } else {
                String original = ids.get(random.nextInt(ids.size()));
                if (!original.equals(target) && !state.get(original).equals("DUPLICATE")) {
                    events.addObject().put("kind", "MARKED_DUPLICATE").put("reportId", target)
                            .put("duplicateOf", original).put("reason", "the same incident");
                    state.put(target, "DUPLICATE");
                }
            }
        }
        return file;
    }

    private void casualties(ArrayNode casualties) {
        int first = random.nextInt(PARTIES.size());
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            ObjectNode party = casualties.addObject().put("party", PARTIES.get((first + i) % PARTIES.size()));
            int killed = random.nextInt(25);
            switch (random.nextInt(4)) {
                case 0 -> party.putObject("killed").put("low", killed).put("best", killed + random.nextInt(5))
                        .putNull("high");
                case 1 -> party.putObject("killed").put("low", killed).put("best", killed + 2).put("high", killed + 9);
                default -> party.put("killed", killed);
            }
            if (random.nextBoolean()) {
                party.put("wounded", random.nextInt(40));
            }
        }
    }

    LocalDate day() {
        return start.plusDays(random.nextInt(days));
    }

    private LocalDate last() {
        return start.plusDays(days - 1L);
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
