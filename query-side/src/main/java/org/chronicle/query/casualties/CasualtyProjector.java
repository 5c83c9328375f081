package org.chronicle.query.casualties;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.chronicle.api.report.ReportContent;
import org.chronicle.api.report.ReportRecorded;
import org.chronicle.query.Projections;
import org.springframework.stereotype.Component;

/**
 * Projects the casualty figures of dated reports. A report with a period is a period claim and is
 * in no day (counting rule 3); claims are reconciled into the cumulative counts, not here.
 */
@Component
@ProcessingGroup(Projections.CASUALTIES)
class CasualtyProjector {

    private final CasualtyLedger ledger;

    CasualtyProjector(CasualtyLedger ledger) {
        this.ledger = ledger;
    }

    @EventHandler
    void on(ReportRecorded event, @Timestamp Instant recordedAt) {
        ReportContent content = event.report();
        if (!content.isPeriodClaim()) {
            ledger.put(event.chronicleId(), event.reportId(), 1, content.date(), content.casualties(), recordedAt);
        }
    }

    @ResetHandler
    void reset() {
        ledger.clear();
    }
}
