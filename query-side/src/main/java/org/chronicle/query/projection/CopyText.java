package org.chronicle.query.projection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.copy.CopyIn;

/**
 * Rows in the text format of PostgreSQL's {@code COPY}: tab between values, a line per row,
 * {@code \N} for null, and backslash escapes for what would end a value or a line. Only the
 * values the projections write are taken; any other is a mistake here, not data to guess at.
 */
final class CopyText {

    private final StringBuilder pending = new StringBuilder(4096);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);

    void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                pending.append('\t');
            }
            value(values[i]);
        }
        pending.append('\n');
        byte[] encoded = pending.toString().getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        pending.setLength(0);
    }

    int size() {
        return bytes.size();
    }

    /** Sends what is gathered and starts again. */
    void writeTo(CopyIn copy) throws SQLException {
        if (bytes.size() > 0) {
            copy.writeToCopy(bytes.toByteArray(), 0, bytes.size());
            bytes.reset();
        }
    }

    private void value(Object value) {
        if (value == null) {
            pending.append("\\N");
        } else if (value instanceof String text) {
            escaped(text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            pending.append(value);
        } else if (value instanceof Timestamp instant) {
            // An instant with its zone, so the session's time zone plays no part.
            pending.append(instant.toInstant());
        } else if (value instanceof Instant instant) {
            pending.append(instant);
        } else if (value instanceof Date || value instanceof LocalDate) {
            // java.sql.Date prints its day in the JVM's zone, as the driver sends it.
            pending.append(value);
        } else if (value instanceof Boolean flag) {
            pending.append(flag ? 't' : 'f');
        } else {
            throw new IllegalArgumentException("No COPY text for a " + value.getClass().getName());
        }
    }

    private void escaped(String text) {
        if (plain(text)) {
            pending.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> pending.append("\\\\");
                case '\t' -> pending.append("\\t");
                case '\n' -> pending.append("\\n");
                case '\r' -> pending.append("\\r");
                default -> pending.append(c);
            }
        }
    }

    /** Most values (ids, areas, parties) need no escape: they are appended whole. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
