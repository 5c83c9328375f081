package org.chronicle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** OWASP's rule for CSV cells, and that reading undoes exactly what writing did. */
class SpreadsheetCellsTest {

    @Test
    void aTextCellThatASpreadsheetWouldRunIsQuoted() {
        assertThat(SpreadsheetCells.escaped("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SpreadsheetCells.escaped("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(SpreadsheetCells.escaped("-5 dead")).isEqualTo("'-5 dead");
        assertThat(SpreadsheetCells.escaped("@user")).isEqualTo("'@user");
        assertThat(SpreadsheetCells.escaped("\tindented")).isEqualTo("'\tindented");
        assertThat(SpreadsheetCells.escaped("\rreturn")).isEqualTo("'\rreturn");
        assertThat(SpreadsheetCells.escaped("'quoted")).isEqualTo("''quoted");
        assertThat(SpreadsheetCells.escaped("-")).isEqualTo("'-");
        assertThat(SpreadsheetCells.escaped("-1e5x")).isEqualTo("'-1e5x");
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        for (String cell : List.of("-12.5", "-9.65", "36.558974", "0", "17", "-3", "1.5e10", "-2.5E-3", ".5",
                "", "Rastan", "a=b", "1+1", " =not first", "2012-01-31", "O'Brien")) {
            assertThat(SpreadsheetCells.escaped(cell)).as(cell).isEqualTo(cell);
            assertThat(SpreadsheetCells.unescaped(cell)).as(cell).isEqualTo(cell);
        }
    }

    @Test
    void readingUndoesWritingAndNothingElseForEveryCell() {
        List<String> cells = new ArrayList<>(List.of("=HYPERLINK(\"http://x\",\"y\")", "'quoted", "-5 dead",
                "@user", "'", "''", "'=", "''=x", "'-12.5", "-12.5", "'a", "'' ", "=", "+", "\t", "\r"));
        Random random = new Random(7);
        String alphabet = "=+-@\t\r'a1.e ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder cell = new StringBuilder();
            for (int n = random.nextInt(5); n > 0; n--) {
                cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cells.add(cell.toString());
        }
        Map<String, String> originals = new HashMap<>();
        for (String cell : cells) {
            String written = SpreadsheetCells.escaped(cell);
            assertThat(SpreadsheetCells.unescaped(written)).as("[" + cell + "]").isEqualTo(cell);
            String before = originals.putIfAbsent(written, cell);
            assertThat(before == null || before.equals(cell)).as("two cells written alike: " + cell + ", " + before)
                    .isTrue();
            assertThat(written.isEmpty() || "=+-@\t\r".indexOf(written.charAt(0)) < 0
                    || written.matches("-[0-9.eE+-]+")).as("a spreadsheet would run [" + written + "]").isTrue();
        }
    }
}
