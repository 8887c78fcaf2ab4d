package org.evalbook.finding;

import java.math.BigDecimal;
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
 * @param explained the unit's explanation from 情况说明 when it explained this warning ("" when none)
 * @param expectedValue the exact decimal behind {@code expected} when it is one number (a fraction for a rate); else
 *                      null — nullable rather than Optional, as findings cross the reader workers' JSON as they are
 * @param actualValue   the exact decimal behind {@code actual} when it is one number; else null
 */
public record Finding(FindingCode code, Severity severity, String file, String sheet, List<String> cells, String field,
                      String expected, String actual, String message, String explained, BigDecimal expectedValue,
                      BigDecimal actualValue) {
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
        explained = explained == null ? "" : explained;
    }

    public Finding(FindingCode code, Severity severity, String file, String sheet, List<String> cells, String field,
                   String expected, String actual, String message, String explained) {
        this(code, severity, file, sheet, cells, field, expected, actual, message, explained, null, null);
    }

    public Finding(FindingCode code, Severity severity, String file, String sheet, List<String> cells, String field,
                   String expected, String actual, String message) {
        this(code, severity, file, sheet, cells, field, expected, actual, message, "");
    }

    /** The same finding, marked as explained by the unit. */
    public Finding explainedBy(String explanation) {
        return new Finding(code, severity, file, sheet, cells, field, expected, actual, message, explanation, expectedValue, actualValue);
    }

    /** The same finding for another file name (findings raised before the file's name was known). */
    public Finding inFile(String name) {
        return new Finding(code, severity, name, sheet, cells, field, expected, actual, message, explained, expectedValue, actualValue);
    }

    /** The same finding carrying the exact numbers behind its expected and actual text. */
    public Finding withValues(BigDecimal expected, BigDecimal actual) {
        return new Finding(code, severity, file, sheet, cells, field, this.expected, this.actual, message, explained,
                expected, actual);
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
