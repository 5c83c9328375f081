package org.chronicle.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV lines as RFC 4180 has them. */
final class CsvLines {

    private final Writer out;

    CsvLines(Writer out) {
        this.out = out;
    }

    void line(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i) == null ? "" : fields.get(i)));
        }
        out.write('\n');
    }

    /** A field with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
