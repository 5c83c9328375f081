package org.chronicle.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.chronicle.api.Ids;
import org.chronicle.api.Recorded;
import org.chronicle.api.Refusal;
import org.chronicle.api.Violation;
import org.chronicle.api.chronicle.ChronicleDefinition;
import org.chronicle.api.report.CorrectReport;
import org.chronicle.api.report.MarkDuplicate;
import org.chronicle.api.report.RecordReport;
import org.chronicle.api.report.ReinstateReport;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportCorrected;
import org.chronicle.api.report.ReportKey;
import org.chronicle.api.report.ReportMarkedDuplicate;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.api.report.ReportReinstated;
import org.chronicle.api.report.ReportRetracted;
import org.chronicle.api.report.RetractReport;
import org.chronicle.command.chronicle.ChronicleCatalog;

/**
 * One report and its versions. Each report is an aggregate of its own, so a command on it reads a
 * handful of events however large its chronicle grows. Nothing is edited: a correction, a
 * retraction, a reinstatement and a duplicate mark are events beside the first one, and each
 * raises the report's version by one.
 */
@Aggregate
class Report {

    @AggregateIdentifier
    private String key;
    private String chronicleId;
    private String reportId;
    private ReportContent first;
    private long version;
    private boolean retracted;
    private String duplicateOf;
    /** Idempotency keys already answered, with the digest of the request and the version it made. */
    private final Map<String, Answered> answered = new HashMap<>();

    Report() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    /**
     * Records the report, or, when a report with this id exists, answers whether it is the same
     * one: a client that retries after a lost answer must not get a second report or an error.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordingOutcome handle(RecordReport command, ChronicleCatalog catalog) {
        if (first != null) {
            if (first.equals(command.report())) {
                return RecordingOutcome.ALREADY_RECORDED;
            }
            throw new Refusal.Conflict("Report '" + command.key().reportId()
                    + "' is already recorded with another content; send a correction to change it.");
        }
        ReportKey key = command.key();
        refuseInvalid(ReportRules.check(chronicle(catalog, key.chronicleId()), command.report(), ""));
        apply(new ReportRecorded(key.chronicleId(), key.reportId(), command.report()));
        return RecordingOutcome.RECORDED;
    }

    @CommandHandler
    long handle(CorrectReport command, ChronicleCatalog catalog,
                @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
                @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        return later(idempotencyKey, digest, command.expectedVersion(), () -> {
            refuseUnlessCounting("corrected");
            List<Violation> violations = ReportRules.check(chronicle(catalog, chronicleId), command.report(), "report.");
            violations.addAll(ReportRules.reason(command.reason()));
            violations.addAll(ReportRules.sources(command.sources(), "sources", false));
            refuseInvalid(violations);
            return new ReportCorrected(chronicleId, reportId, version + 1, command.report(), command.reason(),
                    command.sources());
        });
    }

    @CommandHandler
    long handle(RetractReport command, @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
                @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        return later(idempotencyKey, digest, command.expectedVersion(), () -> {
            refuseInvalid(ReportRules.reason(command.reason()));
            refuseUnlessCounting("retracted");
            return new ReportRetracted(chronicleId, reportId, version + 1, command.reason());
        });
    }

    @CommandHandler
    long handle(ReinstateReport command, @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
                @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        return later(idempotencyKey, digest, command.expectedVersion(), () -> {
            refuseInvalid(ReportRules.reason(command.reason()));
            if (!retracted) {
                throw new Refusal.Conflict("Report '" + reportId + "' is not retracted; there is nothing to reinstate.");
            }
            return new ReportReinstated(chronicleId, reportId, version + 1, command.reason());
        });
    }

    @CommandHandler
    long handle(MarkDuplicate command, ChronicleCatalog catalog,
                @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
                @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        return later(idempotencyKey, digest, command.expectedVersion(), () -> {
            List<Violation> violations = ReportRules.reason(command.reason());
            String original = command.duplicateOf();
            if (!Ids.isValid(original)) {
                violations.add(new Violation("duplicateOf", "must be the id of another report of this chronicle"));
            } else if (original.equals(reportId)) {
                violations.add(new Violation("duplicateOf", "a report cannot duplicate itself"));
            }
            refuseInvalid(violations);
            refuseUnlessCounting("marked as a duplicate");
            ChronicleCatalog.RegisteredReport target = catalog.report(chronicleId, original)
                    .orElseThrow(() -> new Refusal.Invalid("duplicateOf",
                            "'" + original + "' is not a report of chronicle '" + chronicleId + "'"));
            target.duplicateOf().ifPresent(itsOriginal -> {
                throw new Refusal.Conflict("Report '" + original + "' is itself a duplicate of '" + itsOriginal
                        + "'; mark this one as a duplicate of the original.");
            });
            return new ReportMarkedDuplicate(chronicleId, reportId, version + 1, original, command.reason());
        });
    }

    /**
     * Every later event on a report: a repeated idempotency key answers the version it made; else
     * the expected version must hold, {@code decide} checks the rules of its kind and names the
     * event, and the event is applied. Answers the report's version after it.
     */
    private long later(String idempotencyKey, String digest, Long expectedVersion, Supplier<Object> decide) {
        Long repeated = repeated(idempotencyKey, digest);
        if (repeated != null) {
            return repeated;
        }
        expect(expectedVersion);
        apply(decide.get());
        return version;
    }

    private static ChronicleDefinition chronicle(ChronicleCatalog catalog, String chronicleId) {
        return catalog.definition(chronicleId)
                .orElseThrow(() -> new Refusal.NotFound("No chronicle '" + chronicleId + "'."));
    }

    /** The version of the report is the number of events on it; a stale expectation is refused. */
    private void expect(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new Refusal.Conflict("Report '" + reportId + "' is at version " + version
                    + ", not " + expectedVersion + "; read it again and retry.");
        }
    }

    private void refuseUnlessCounting(String what) {
        if (retracted) {
            throw new Refusal.Conflict("Report '" + reportId + "' is retracted and cannot be " + what
                    + "; reinstate it first.");
        }
        if (duplicateOf != null) {
            throw new Refusal.Conflict("Report '" + reportId + "' is a duplicate of '" + duplicateOf
                    + "' and cannot be " + what + ".");
        }
    }

    private static void refuseInvalid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
    }

    /** The version an earlier request with this idempotency key made, when the request is the same. */
    private Long repeated(String idempotencyKey, String digest) {
        if (idempotencyKey == null) {
            return null;
        }
        Answered earlier = answered.get(idempotencyKey);
        if (earlier == null) {
            return null;
        }
        if (!Objects.equals(earlier.digest(), digest)) {
            throw new Refusal.Conflict("Idempotency-Key '" + idempotencyKey
                    + "' was already used on this report with another request.");
        }
        return earlier.version();
    }

    @EventSourcingHandler
    void on(ReportRecorded event) {
        key = new ReportKey(event.chronicleId(), event.reportId()).toString();
        chronicleId = event.chronicleId();
        reportId = event.reportId();
        first = event.report();
        version = 1;
    }

    @EventSourcingHandler
    void on(ReportCorrected event, @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        advance(idempotencyKey, digest);
    }

    @EventSourcingHandler
    void on(ReportRetracted event, @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        retracted = true;
        advance(idempotencyKey, digest);
    }

    @EventSourcingHandler
    void on(ReportReinstated event, @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        retracted = false;
        advance(idempotencyKey, digest);
    }

    @EventSourcingHandler
    void on(ReportMarkedDuplicate event, @MetaDataValue(Recorded.IDEMPOTENCY_KEY) String idempotencyKey,
            @MetaDataValue(Recorded.REQUEST_DIGEST) String digest) {
        duplicateOf = event.duplicateOf();
        advance(idempotencyKey, digest);
    }

    private void advance(String idempotencyKey, String digest) {
        version++;
        if (idempotencyKey != null) {
            answered.put(idempotencyKey, new Answered(digest, version));
        }
    }

    private record Answered(String digest, long version) {
    }
}
