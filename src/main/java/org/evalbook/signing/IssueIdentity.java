package org.evalbook.signing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

/**
 * What a workbook says it was issued for, and whether that holds: the meta sheet's values, whether its signature
 * verifies under the bureau's key, and which visible identity cells ({@code unit_code}, {@code unit_name},
 * {@code fiscal_year}) differ from the signed values.
 *
 * @param meta               the meta sheet's values; empty when there is no meta sheet
 * @param signatureValid     the signature verifies under the key it was checked with
 * @param signedWithDemoKey  the meta names the public demo key
 * @param visibleMismatches  "unit_code: 0430405 ≠ 0430499" for each identity cell that differs from the meta
 */
public record IssueIdentity(Map<String, String> meta, boolean signatureValid, boolean signedWithDemoKey,
                            List<String> visibleMismatches) {
    /** The name of the hidden sheet that carries the signed identity of an issued workbook. */
    public static final String META_SHEET = "meta";
    private static final List<String> VISIBLE = List.of("unit_code", "unit_name", "fiscal_year");
    private static final DataFormatter FORMATTER = new DataFormatter();

    public boolean hasMeta() {
        return !meta.isEmpty();
    }

    /** Reads and checks the identity of {@code workbook} with {@code key} (the demo key for demo-signed files). */
    public static IssueIdentity of(Workbook workbook, SigningKey bureauKey) {
        Map<String, String> meta = meta(workbook);
        if (meta.isEmpty()) {
            return new IssueIdentity(meta, false, false, List.of());
        }
        boolean demo = meta.getOrDefault("key_id", "").equals(SigningKey.PUBLIC_DEMO.id());
        SigningKey key = demo ? SigningKey.PUBLIC_DEMO : bureauKey;
        boolean valid = meta.containsKey("signature") && IssueSignature.verify(meta, meta.get("signature"), key);
        List<String> mismatches = new ArrayList<>();
        for (String name : VISIBLE) {
            String visible = visibleValue(workbook, name).orElse("");
            String signed = meta.getOrDefault(name, "");
            if (!visible.equals(signed)) {
                mismatches.add(name + ": " + visible + " ≠ " + signed);
            }
        }
        return new IssueIdentity(meta, valid, demo, mismatches);
    }

    /** The meta sheet's key/value rows; empty when the workbook has no meta sheet. */
    public static Map<String, String> meta(Workbook workbook) {
        Map<String, String> meta = new LinkedHashMap<>();
        Sheet sheet = workbook.getSheet(META_SHEET);
        if (sheet == null) {
            return meta;
        }
        for (Row row : sheet) {
            String key = FORMATTER.formatCellValue(row.getCell(0));
            if (!key.isBlank()) {
                meta.put(key, FORMATTER.formatCellValue(row.getCell(1)));
            }
        }
        return meta;
    }

    /** The displayed text of a named cell: whole numbers without ".0", as a unit sees them. */
    static Optional<String> visibleValue(Workbook workbook, String name) {
        Name defined = workbook.getName(name);
        if (defined == null || defined.isDeleted()) {
            return Optional.empty();
        }
        CellReference ref;
        try {
            ref = new AreaReference(defined.getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
        } catch (IllegalArgumentException | IllegalStateException brokenReference) {
            return Optional.empty();
        }
        Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet == null ? null : sheet.getRow(ref.getRow());
        Cell cell = row == null ? null : row.getCell(ref.getCol());
        if (cell == null) {
            return Optional.empty();
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            return Optional.of(value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
        }
        return Optional.of(FORMATTER.formatCellValue(cell).strip());
    }
}
