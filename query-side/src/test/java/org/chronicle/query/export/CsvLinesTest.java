package org.chronicle.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export's cells: escaped for a spreadsheet by default, numbers left alone, raw on request. */
class CsvLinesTest {

    private static final List<String> CELLS = List.of("=HYPERLINK(\"http://x\",\"y\")", "'quoted", "-5 dead",
            "@user", "-12.5", "17", "Rastan", "+2", "\tx");

    @Test
    void escapedCellsCannotRunInASpreadsheet() throws IOException {
        assertThat(line(CsvLines.Cells.ESCAPED))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",''quoted,'-5 dead,'@user,-12.5,17,Rastan,'+2,'\tx\n");
    }

    @Test
    void rawCellsAreAsRecorded() throws IOException {
        assertThat(line(CsvLines.Cells.RAW))
                .isEqualTo("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'quoted,-5 dead,@user,-12.5,17,Rastan,+2,\tx\n");
    }

    private static String line(CsvLines.Cells cells) throws IOException {
        StringWriter out = new StringWriter();
        new CsvLines(out, cells).line(CELLS);
        return out.toString();
    }
}
