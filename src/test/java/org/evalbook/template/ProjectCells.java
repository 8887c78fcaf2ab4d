package org.evalbook.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.TableRow;

/**
 * A project sheet of a written workbook, found and filled through its sheet-scoped names only (never through the
 * writer's layout constants), as a unit's program would.
 */
final class ProjectCells {
    private final XSSFWorkbook workbook;
    private final XSSFSheet sheet;

    ProjectCells(XSSFWorkbook workbook, XSSFSheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    /** The sheet-scoped name on this sheet; empty when the sheet has none of that name. */
    Optional<Name> name(String id) {
        int index = workbook.getSheetIndex(sheet);
        return workbook.getNames(id).stream().filter(n -> n.getSheetIndex() == index).map(n -> (Name) n).findFirst();
    }

    /** The cell of a name, the {@code index}-th (from 0) of a column range. */
    Cell cell(String id, int index) {
        AreaReference area = new AreaReference(name(id).orElseThrow(() -> new AssertionError("no sheet-scoped " + id + " on " + sheet.getSheetName()))
                .getRefersToFormula(), workbook.getSpreadsheetVersion());
        CellReference first = area.getFirstCell();
        int rowIndex = first.getRow() + index;
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        Cell cell = row.getCell(first.getCol());
        return cell == null ? row.createCell(first.getCol()) : cell;
    }

    int rows(String id) {
        AreaReference area = new AreaReference(name(id).orElseThrow().getRefersToFormula(), workbook.getSpreadsheetVersion());
        return area.getLastCell().getRow() - area.getFirstCell().getRow() + 1;
    }

    /** Writes every value of a project (numbers as numbers, texts as text), the table's rows at their index. */
    void fill(FieldValues values) {
        values.numbers().forEach((id, n) -> cell(id, 0).setCellValue(n.doubleValue()));
        values.texts().forEach((id, t) -> cell(id, 0).setCellValue(t));
        for (TableRow row : values.rows("pi")) {
            put(row.numbers(), row.index());
            row.texts().forEach((id, t) -> cell(id, row.index() - 1).setCellValue(t));
        }
    }

    private void put(Map<String, BigDecimal> numbers, int index) {
        numbers.forEach((id, n) -> cell(id, index - 1).setCellValue(n.doubleValue()));
    }

    /** A computed cell's value: empty when it shows blank ("" from the formula). */
    Optional<BigDecimal> number(String id, int index) {
        Cell cell = cell(id, index);
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return Optional.of(BigDecimal.valueOf(cell.getNumericCellValue()));
        }
        if (type == CellType.STRING && cell.getStringCellValue().isEmpty() || type == CellType.BLANK) {
            return Optional.empty();
        }
        throw new AssertionError(id + "[" + index + "] on " + sheet.getSheetName() + " is " + type + " "
                + (type == CellType.ERROR ? org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString() : cell.toString()));
    }

    String text(String id) {
        return cell(id, 0).getStringCellValue();
    }

    static List<XSSFSheet> projectSheets(XSSFWorkbook workbook) {
        return java.util.stream.IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetAt)
                .filter(s -> new ProjectCells(workbook, s).name("pj_name").isPresent()).toList();
    }
}
