package org.chronicle.query.casualties;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.chronicle.api.Figure;

/** Killed and wounded of one party; a figure nobody reported is absent, not zero. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartyCasualties(Figure killed, Figure wounded) {
}
