package org.chronicle.query.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.chronicle.api.report.Extent;

/** Who holds an area on a day, and what decided it (counting rule 4). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AreaControl(String area, String side, Extent extent, LocalDate since, boolean contested,
                          List<String> decidedBy) {
}
