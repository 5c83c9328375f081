package org.chronicle.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chronicle.api.Refusal;
import org.junit.jupiter.api.Test;

/** What makes a CSV file unreadable as a whole, and cells escaped for a spreadsheet read back as recorded. */
class CsvRowsTest {

    private static final CsvRows.Bounds BOUNDS = new CsvRows.Bounds(20, 50);

    @Test
    void escapedCellsReadAsTheyWereRecorded() throws IOException {
        List<Map<String, String>> rows = rows(new StringReader(
                "id,notes\n1,\"'=HYPERLINK(\"\"x\"\")\"\n2,''quoted\n3,'-5 dead\n4,'@user\n5,'quoted\n6,-12.5\n7,O'Brien\n"));
        assertThat(rows).extracting(row -> row.get("notes")).containsExactly("=HYPERLINK(\"x\")", "'quoted",
                "-5 dead", "@user", "'quoted", "-12.5", "O'Brien");
    }

    @Test
    void aBrokenFileIsRefusedWhole() {
        for (String file : List.of("", "\n", "id,id\n1,2\n", "id,no\u0007tes\n1,2\n", "id, notes,notes\n1,2,3\n",
                "id,notes\n1,\"never closed\n",
                "id,notes\n1," + "x".repeat(21) + "\n", "id,notes\n1,\"" + "x".repeat(21) + "\"\n",
                "id,a,b,c\n1," + "x".repeat(18) + "," + "y".repeat(18) + "," + "z".repeat(18) + "\n")) {
            assertThatThrownBy(() -> rows(new StringReader(file))).as(file).isInstanceOf(Refusal.Invalid.class);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithTheirLine() {
        byte[] file = "id,notes\n1,ok\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Reader strict = new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT));
        assertThatThrownBy(() -> rows(strict)).isInstanceOfSatisfying(Refusal.Invalid.class, refusal ->
                assertThat(refusal.violations().get(0).message()).contains("line 3").contains("UTF-8"));
    }

    @Test
    void aRowOfTheWrongWidthIsARowThatCannotBeRead() throws IOException {
        try (CsvRows rows = new CsvRows(new StringReader("id,notes\n1,a,b\n2,c\n"), BOUNDS)) {
            CsvRows.Row wide = rows.next();
            assertThat(wide.fields()).isNull();
            assertThat(wide.line()).isEqualTo(2);
            assertThat(rows.next().fields()).containsEntry("notes", "c");
        }
    }

    private static List<Map<String, String>> rows(Reader in) throws IOException {
        List<Map<String, String>> all = new ArrayList<>();
        try (CsvRows rows = new CsvRows(in, BOUNDS)) {
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                all.add(row.fields());
            }
        }
        return all;
    }
}
