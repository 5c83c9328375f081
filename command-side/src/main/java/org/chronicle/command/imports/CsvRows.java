package org.chronicle.command.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chronicle.api.Refusal;

/**
 * Reads CSV as RFC 4180 has it, a row at a time: fields separated by commas, quoted fields may
 * hold commas, doubled quotes and line breaks. The first row names the columns. Each row comes
 * with the line it begins on, for refusals.
 */
final class CsvRows implements AutoCloseable {

    private final Reader in;
    private final List<String> header;
    private int line = 1;
    private int peeked = -2;

    CsvRows(Reader in) throws IOException {
        this.in = in;
        List<String> names = fields();
        if (names == null || names.isEmpty()) {
            throw new Refusal.Invalid("body", "the file has no header row");
        }
        names.set(0, names.get(0).replace("\uFEFF", ""));
        this.header = List.copyOf(names);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    List<String> header() {
        return header;
    }

    /** The next row by column name with the line it begins on, or null at the end of the file. */
    Row next() throws IOException {
        int begins = line;
        List<String> fields = fields();
        while (fields != null && fields.size() == 1 && fields.get(0).isEmpty()) {
            begins = line;
            fields = fields();
        }
        if (fields == null) {
            return null;
        }
        if (fields.size() != header.size()) {
            return new Row(begins, null, "has " + fields.size() + " fields where the header names " + header.size());
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), fields.get(i));
        }
        return new Row(begins, row, null);
    }

    /** A row: its fields by column, or why it cannot be read. */
    record Row(int line, Map<String, String> fields, String unreadable) {
    }

    private List<String> fields() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new Refusal.Invalid("body", "a quoted field opened before line " + line + " is never closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }
}
