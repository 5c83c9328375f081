package org.chronicle.api;

import java.util.regex.Pattern;

/**
 * The cells of a CSV file made safe to open in a spreadsheet, and back. A spreadsheet takes a
 * cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * for a formula, so a report's summary could run one on an analyst's machine (OWASP's CSV
 * injection). Such a text cell is written with a leading {@code '}, which the spreadsheet shows
 * as text and hides; a cell that already begins with {@code '} gets one too, so that reading
 * undoes exactly what writing did and nothing else: {@link #unescaped} of {@link #escaped} is
 * the cell itself, whatever it was. A number (a negative longitude, a count) is left as it is:
 * it is no formula, and a program reading the file needs it whole.
 */
public final class SpreadsheetCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private SpreadsheetCells() {
    }

    /** The cell as a spreadsheet should get it. */
    public static String escaped(String cell) {
        if (cell == null || cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return needsQuote(cell.charAt(0)) ? "'" + cell : cell;
    }

    /** The cell as it was before {@link #escaped}: one leading {@code '} dropped where escaping added it. */
    public static String unescaped(String cell) {
        return cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && needsQuote(cell.charAt(1))
                ? cell.substring(1) : cell;
    }

    private static boolean needsQuote(char first) {
        return FORMULA_STARTS.indexOf(first) >= 0 || first == '\'';
    }
}
