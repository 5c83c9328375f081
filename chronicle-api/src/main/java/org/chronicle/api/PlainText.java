package org.chronicle.api;

import java.util.Optional;

/**
 * What a person may write in a summary, a name or a reason: any text but control characters
 * (tab and line breaks excepted) and halves of a surrogate pair. Those would print differently in
 * every reader, hide text in logs and exports, and PostgreSQL cannot keep a NUL in a text column.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} is not plain text, naming the first offending character, or empty when it is. */
    public static Optional<String> refusal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain half of a surrogate pair (at character " + (i + 1) + ")");
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain control character U+%04X (at character %d)".formatted((int) c, i + 1));
            }
        }
        return Optional.empty();
    }
}
