package org.chronicle.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.chronicle.api.report.ReportRecorded;

/**
 * Reads a {@code ReportRecorded} of revision 1, whose report was stored under {@code content},
 * as revision 2, where it is {@code report} like everywhere else in the record. Events are never
 * rewritten: the old rows stay as they were stored and are read through this.
 */
public final class ReportRecordedRevision2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ReportRecorded.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(ReportRecorded.class.getName(), "2"),
                JsonNode.class,
                payload -> {
                    ObjectNode event = (ObjectNode) payload;
                    event.set("report", event.remove("content"));
                    return event;
                });
    }
}
