package org.chronicle.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FigureTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBareNumberIsAnExactFigure() throws Exception {
        assertThat(json.readValue("12", Figure.class)).isEqualTo(new Figure(12, 12, 12L));
    }

    @Test
    void aNullHighIsAnUnknownUpperBound() throws Exception {
        Figure atLeast = json.readValue("{\"low\": 2, \"best\": 3, \"high\": null}", Figure.class);
        assertThat(atLeast).isEqualTo(new Figure(2, 3, null));
        assertThat(json.writeValueAsString(atLeast)).isEqualTo("{\"low\":2,\"best\":3,\"high\":null}");
    }

    @Test
    void boundsAddSeparatelyAndAnUnknownHighStaysUnknown() {
        assertThat(Figure.exactly(5).plus(new Figure(1, 2, 3L))).isEqualTo(new Figure(6, 7, 8L));
        assertThat(Figure.exactly(5).plus(Figure.atLeast(2))).isEqualTo(new Figure(7, 7, null));
    }

    @Test
    void orderIsLowBestHighAndNothingNegative() {
        assertThat(new Figure(1, 2, 3L).isOrdered()).isTrue();
        assertThat(new Figure(1, 2, null).isOrdered()).isTrue();
        assertThat(new Figure(3, 2, 3L).isOrdered()).isFalse();
        assertThat(new Figure(1, 4, 3L).isOrdered()).isFalse();
        assertThat(new Figure(-1, 0, 0L).isOrdered()).isFalse();
    }

    @Test
    void aPartyIsWrittenAsItsId() throws Exception {
        assertThat(json.writeValueAsString(Party.CIVILIANS)).isEqualTo("\"civilians\"");
        assertThat(json.readValue("\"fsa\"", Party.class)).isEqualTo(new Party("fsa"));
    }
}
