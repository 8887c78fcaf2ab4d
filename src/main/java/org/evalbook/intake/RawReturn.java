package org.evalbook.intake;

import java.util.List;
import java.util.Map;
import org.evalbook.finding.Finding;

/**
 * Everything evalbook takes from one received file, before interpretation: what the reader found (or why it could
 * not read it). A worker sends it to the parent through {@link ReturnCodec}.
 *
 * @param format       xlsx, xlsm, xls — or "" when the file could not be read as a workbook
 * @param findings     what reading the file itself raised (F codes)
 * @param meta         the meta sheet's key/value rows; empty when absent
 * @param names        the contract names found, by id
 * @param byLabels     the names were gone and the fields were found by their Chinese labels
 * @param sheets       a project return's sheets: sheet name → its sheet-scoped contract names by id, in the
 *                     workbook's order; only sheets carrying a sheet-scoped {@code pj_name} (empty for the 部门整体支出
 *                     workbook)
 */
public record RawReturn(String file, String format, List<Finding> findings, Map<String, String> meta,
                        Map<String, RawName> names, boolean byLabels, Map<String, Map<String, RawName>> sheets) {
    public RawReturn {
        findings = List.copyOf(findings);
        // Ordered as read, so that findings list cells in the same order on every run.
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        names = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(names));
        java.util.Map<String, Map<String, RawName>> copy = new java.util.LinkedHashMap<>();
        sheets.forEach((sheet, named) -> copy.put(sheet, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(named))));
        sheets = java.util.Collections.unmodifiableMap(copy);
    }

    /** A return without project sheets. */
    public RawReturn(String file, String format, List<Finding> findings, Map<String, String> meta, Map<String, RawName> names,
                     boolean byLabels) {
        this(file, format, findings, meta, names, byLabels, Map.of());
    }

    /** Whether the file could be read as a workbook at all. */
    public boolean readable() {
        return !format.isEmpty();
    }

    /** The same return under the name it is shown by (the worker reads it from a temporary file). */
    public RawReturn named(String name) {
        return new RawReturn(name, format, findings.stream().map(f -> f.inFile(name)).toList(), meta, names, byLabels, sheets);
    }

    public static RawReturn unreadable(String file, List<Finding> findings) {
        return new RawReturn(file, "", findings, Map.of(), Map.of(), false);
    }
}
