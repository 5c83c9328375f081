package org.chronicle.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.chronicle.api.SpreadsheetCells;

/**
 * Writes CSV lines as RFC 4180 has them, each cell escaped for a spreadsheet (see
 * {@link SpreadsheetCells}) unless the export was asked for raw cells, for programs.
 */
final class CsvLines {

    /** How the cells are written: safe for a spreadsheet, or as they are. */
    enum Cells {
        ESCAPED, RAW;

        String write(String cell) {
            return this == ESCAPED ? SpreadsheetCells.escaped(cell) : cell;
        }
    }

    private final Writer out;
    private final Cells cells;

    CsvLines(Writer out, Cells cells) {
        this.out = out;
        this.cells = cells;
    }

    void line(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(cells.write(fields.get(i) == null ? "" : fields.get(i))));
        }
        out.write('\n');
    }

    /** A field with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
