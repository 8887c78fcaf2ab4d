package org.evalbook.template;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.TableRow;

/** Fills an issued workbook by its defined names, as another program would: the test suite's fill helper. */
public final class WorkbookFiller {
    private final Workbook workbook;

    public WorkbookFiller(Workbook workbook) {
        this.workbook = workbook;
    }

    /** Writes every value; table row i goes to the i-th cell of each column range. */
    public void fill(FieldValues values) {
        values.numbers().forEach((id, number) -> cell(id, 0).setCellValue(number.doubleValue()));
        values.texts().forEach((id, text) -> cell(id, 0).setCellValue(text));
        values.tables().forEach((table, rows) -> {
            for (TableRow row : rows) {
                row.numbers().forEach((column, number) -> cell(column, row.index() - 1).setCellValue(number.doubleValue()));
                row.texts().forEach((column, text) -> cell(column, row.index() - 1).setCellValue(text));
            }
        });
    }

    /** Empties the named cell (or the i-th cell of a column range). */
    public void clear(String name, int index) {
        cell(name, index).setBlank();
    }

    /** The cell a name points to, or the {@code index}-th cell of a column range. */
    public Cell cell(String name, int index) {
        CellReference ref = reference(name, index);
        Sheet sheet = workbook.getSheet(ref.getSheetName());
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        return row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
    }

    CellReference reference(String name, int index) {
        Name defined = workbook.getName(name);
        if (defined == null) {
            throw new IllegalArgumentException("no defined name " + name);
        }
        AreaReference area = new AreaReference(defined.getRefersToFormula(), workbook.getSpreadsheetVersion());
        CellReference first = area.getFirstCell();
        return new CellReference(first.getSheetName(), first.getRow() + index, first.getCol(), true, true);
    }

    /** A computed cell's evaluated value: a number, a text, or null when it shows blank. */
    public static Object value(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue().isEmpty() ? null : cell.getStringCellValue();
            case BLANK -> null;
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> "#ERROR " + cell.getErrorCellValue();
            default -> null;
        };
    }
}
