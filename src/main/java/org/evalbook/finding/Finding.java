package org.evalbook.finding;

import java.util.List;
import java.util.Objects;

/**
 * One finding about one file: self-contained (it carries its file), so a JSON list of findings needs nothing else.
 *
 * @param file     the file's name as received
 * @param sheet    the sheet of the first cell concerned ("" when not about cells)
 * @param cells    the cells concerned as {@code 基础数据表!D8}, in order; empty when not about cells
 * @param field    the field id(s) concerned ("" when none)
 * @param expected what the rules give ("" when not applicable)
 * @param actual   what the file says ("" when not applicable)
 * @param message  the Chinese message: what is wrong and what to do
 */
public record Finding(FindingCode code, Severity severity, String file, String sheet, List<String> cells, String field,
                      String expected, String actual, String message) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        file = file == null ? "" : file;
        sheet = sheet == null ? "" : sheet;
        cells = List.copyOf(cells);
        field = field == null ? "" : field;
        expected = expected == null ? "" : expected;
        actual = actual == null ? "" : actual;
        Objects.requireNonNull(message, "message");
    }

    /** A finding about the whole file. */
    public static Finding aboutFile(FindingCode code, String file, String message) {
        return new Finding(code, code.severity(), file, "", List.of(), "", "", "", message);
    }

    /** "基础数据表!D8、基础数据表!D9", or "" for a finding about the whole file. */
    public String where() {
        return String.join("、", cells);
    }
}
