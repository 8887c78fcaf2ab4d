package org.evalbook.intake;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.Framework;

/**
 * Finds scalar fields by their Chinese labels when the defined names are gone: a label cell with the value to its
 * right, or a money line whose period columns are named in a header row above. Bounded: the first rows and columns
 * of each sheet only.
 */
final class LabelReader {
    private static final int MAX_ROWS = 400;
    private static final int MAX_COLUMNS = 30;
    /** The issued workbook's instructions sheet repeats the unit's name and year as text: not data. */
    private static final String INSTRUCTIONS = org.evalbook.framework.SheetKind.INSTRUCTIONS.fixedName().orElseThrow();
    private static final int LOOK_UP = 20;

    private final Workbook workbook;
    private final Map<String, FieldDef> singles = new HashMap<>();
    private final Map<String, Map<String, FieldDef>> lines = new HashMap<>();
    private final Map<String, String> periods = new HashMap<>();
    private int labelsSeen;

    LabelReader(Framework framework, Workbook workbook) {
        this.workbook = workbook;
        framework.periods().forEach((key, label) -> periods.put(normalise(label), key));
        for (FieldDef field : framework.fields()) {
            if (field.period().isPresent()) {
                lines.computeIfAbsent(normalise(field.lineLabel()), k -> new HashMap<>()).put(field.period().get(), field);
            } else if (!field.isComputed()) {
                singles.put(normalise(field.label()), field);
            }
        }
    }

    int labelsSeen() {
        return labelsSeen;
    }

    Map<String, RawName> read() {
        Map<String, RawName> found = new LinkedHashMap<>();
        for (int s = 0; s < Math.min(workbook.getNumberOfSheets(), 20); s++) {
            Sheet sheet = workbook.getSheetAt(s);
            if (sheet.getSheetName().equals(INSTRUCTIONS)) {
                continue;
            }
            for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), MAX_ROWS); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (int c = 0; c < Math.min(row.getLastCellNum(), MAX_COLUMNS); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null || cell.getCellType() != CellType.STRING) {
                        continue;
                    }
                    String label = normalise(cell.getStringCellValue());
                    if (singles.containsKey(label)) {
                        labelsSeen++;
                        valueToTheRight(sheet, r, c).ifPresent(v -> found.putIfAbsent(singles.get(label).id(),
                                new RawName(singles.get(label).id(), List.of(v), List.of(), "")));
                    } else if (lines.containsKey(label)) {
                        labelsSeen++;
                        matrix(sheet, r, c, lines.get(label), found);
                    }
                }
            }
        }
        return found;
    }

    /** The value in the cell right of the label (a blank there is a blank, never the unit column further right). */
    private java.util.Optional<RawCell> valueToTheRight(Sheet sheet, int row, int column) {
        RawCell cell = WorkbookReader.cell(sheet, row, column + 1);
        return cell.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(cell);
    }

    /** A money line: find the header row above that names the periods, and read each period's column. */
    private void matrix(Sheet sheet, int row, int column, Map<String, FieldDef> byPeriod, Map<String, RawName> found) {
        for (int r = row - 1; r >= Math.max(0, row - LOOK_UP); r--) {
            Row header = sheet.getRow(r);
            if (header == null) {
                continue;
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int c = column + 1; c < Math.min(header.getLastCellNum(), MAX_COLUMNS); c++) {
                Cell cell = header.getCell(c);
                if (cell != null && cell.getCellType() == CellType.STRING && periods.containsKey(normalise(cell.getStringCellValue()))) {
                    columns.put(periods.get(normalise(cell.getStringCellValue())), c);
                }
            }
            if (!columns.isEmpty()) {
                columns.forEach((period, c) -> {
                    FieldDef field = byPeriod.get(period);
                    RawCell value = WorkbookReader.cell(sheet, row, c);
                    if (field != null && !value.isBlank()) {
                        found.putIfAbsent(field.id(), new RawName(field.id(), List.of(value), List.of(), ""));
                    }
                });
                return;
            }
        }
    }

    static String normalise(String text) {
        return text.replaceAll("[\\s\\u3000\\u00a0:：]", "").replace("其中", "");
    }
}
