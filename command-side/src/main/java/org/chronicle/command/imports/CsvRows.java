package org.chronicle.command.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chronicle.api.PlainText;
import org.chronicle.api.Refusal;
import org.chronicle.api.SpreadsheetCells;

/**
 * Reads CSV as RFC 4180 has it, a row at a time: fields separated by commas, quoted fields may
 * hold commas, doubled quotes and line breaks. The first row names the columns, each once. Each
 * row comes with the line it begins on, for refusals. A cell escaped for a spreadsheet by an
 * export (a leading {@code '}, see {@link SpreadsheetCells}) is read as it was recorded.
 * What makes the file unreadable as a whole (a broken header, bytes that are not UTF-8, a quote
 * never closed, a field or a row past its {@link Bounds}) is a {@link Refusal} of the file, so
 * that a first reading finds it before anything is stored; a row with the wrong number of fields
 * is a row that cannot be read, refused alone.
 */
final class CsvRows implements AutoCloseable {

    /**
     * The longest field and row, in characters ({@code chronicle.imports.max-field},
     * {@code .max-row}): a file is read a row at a time, and a quote never closed would otherwise
     * make one row of the whole file in memory.
     */
    record Bounds(int maxField, int maxRow) {
    }

    private final Reader in;
    private final Bounds bounds;
    private final List<String> header;
    private int line = 1;
    private int peeked = -2;
    private int rowLength;

    CsvRows(Reader in, Bounds bounds) throws IOException {
        this.in = in;
        this.bounds = bounds;
        List<String> names = fields();
        if (names == null || names.isEmpty() || names.size() == 1 && names.get(0).isBlank()) {
            throw new Refusal.Invalid("body", "the file has no header row");
        }
        names.set(0, names.get(0).replace("\uFEFF", ""));
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            PlainText.refusal(name).ifPresent(why -> {
                throw new Refusal.Invalid("body", "a column's name in the header " + why);
            });
            if (!seen.add(name.strip())) {
                throw new Refusal.Invalid("body", "the header names the column '" + name.strip() + "' twice");
            }
        }
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
            row.put(header.get(i), SpreadsheetCells.unescaped(fields.get(i)));
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
        rowLength = 0;
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
                    append(field, c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                counted(1);
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
                append(field, c);
            }
            c = read();
        }
    }

    private void append(StringBuilder field, int c) {
        if (field.length() >= bounds.maxField()) {
            throw new Refusal.Invalid("body", "line " + line + ": a field is longer than " + bounds.maxField()
                    + " characters");
        }
        counted(1);
        field.append((char) c);
    }

    private void counted(int characters) {
        rowLength += characters;
        if (rowLength > bounds.maxRow()) {
            throw new Refusal.Invalid("body", "line " + line + ": a row is longer than " + bounds.maxRow()
                    + " characters");
        }
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = decoded();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = decoded();
        }
        return peeked;
    }

    /** The next character; bytes that are not UTF-8 make the whole file unreadable, never a guessed character. */
    private int decoded() throws IOException {
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw new Refusal.Invalid("body", "line " + line + ": the file is not UTF-8 text");
        }
    }
}
