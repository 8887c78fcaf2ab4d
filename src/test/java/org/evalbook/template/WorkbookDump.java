package org.evalbook.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** A workbook as normalised text, for golden files and staleness checks: never compare xlsx bytes. */
final class WorkbookDump {
    private WorkbookDump() {
    }

    /** Every sheet (visibility, protection), non-empty or styled-input cell, name, validation and merged region. */
    static String full(Workbook workbook) {
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            Sheet sheet = workbook.getSheetAt(s);
            lines.add("sheet " + sheet.getSheetName() + " " + workbook.getSheetVisibility(s) + " protected=" + sheet.getProtect());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String line = cell(sheet, cell);
                    if (line != null) {
                        lines.add(line);
                    }
                }
            }
            for (CellRangeAddress merged : sheet.getMergedRegions()) {
                lines.add(sheet.getSheetName() + " merged " + merged.formatAsString());
            }
            for (DataValidation validation : sheet.getDataValidations()) {
                var c = validation.getValidationConstraint();
                lines.add(sheet.getSheetName() + " validation " + validation.getRegions().getCellRangeAddress(0).formatAsString()
                        + " type=" + c.getValidationType() + " op=" + c.getOperator() + " f1=" + c.getFormula1() + " f2=" + c.getFormula2()
                        + " list=" + (c.getExplicitListValues() == null ? "" : String.join("/", c.getExplicitListValues()))
                        + " prompt=" + validation.getPromptBoxText());
            }
        }
        workbook.getAllNames().stream().sorted(Comparator.comparing(Name::getNameName))
                .forEach(n -> lines.add("name " + n.getNameName() + " = " + n.getRefersToFormula()));
        return String.join("\n", lines) + "\n";
    }

    /** name → sheet!cell 「the label beside it」, one line per defined name: the golden view of the contract. */
    static String names(Workbook workbook) {
        List<String> lines = new ArrayList<>();
        workbook.getAllNames().stream().filter(n -> !n.getNameName().startsWith("_xlnm"))
                .sorted(Comparator.comparing(Name::getNameName)).forEach(name -> {
            CellReference first = new AreaReference(name.getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
            Sheet sheet = workbook.getSheet(first.getSheetName());
            lines.add(name.getNameName() + " → " + name.getRefersToFormula().replace("'", "") + " 「" + label(sheet, first) + "」");
        });
        return String.join("\n", lines) + "\n";
    }

    /** The nearest text to the left on the same row; on the indicator sheet the indicator (or item) and the column. */
    static String label(Sheet sheet, CellReference ref) {
        Row row = sheet.getRow(ref.getRow());
        if (sheet.getSheetName().equals(IndicatorSheet.NAME) && row != null) {
            String header = text(sheet.getRow(2).getCell(ref.getCol()));
            String name = text(row.getCell(2));
            return (name.isEmpty() ? text(row.getCell(0)) : name) + "·" + header;
        }
        for (int c = ref.getCol() - 1; c >= 0 && row != null; c--) {
            String text = text(row.getCell(c));
            if (!text.isEmpty() && !text.matches("[0-9.]+|—")) {
                return text;
            }
        }
        for (int r = ref.getRow() - 1; r >= 0; r--) {
            Row above = sheet.getRow(r);
            String text = above == null ? "" : text(above.getCell(ref.getCol()));
            if (!text.isEmpty() && !text.matches("[0-9.]+|—")) {
                return text;
            }
        }
        return "";
    }

    private static String text(Cell cell) {
        return cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : "";
    }

    private static String cell(Sheet sheet, Cell cell) {
        boolean unlocked = !cell.getCellStyle().getLocked();
        String value = switch (cell.getCellType()) {
            case FORMULA -> "=" + cell.getCellFormula() + (((XSSFSheet) sheet).getCTWorksheet() != null && cell.isPartOfArrayFormulaGroup() ? " {array}" : "");
            case NUMERIC -> "n " + cell.getNumericCellValue();
            case STRING -> "s " + cell.getStringCellValue();
            case BOOLEAN -> "b " + cell.getBooleanCellValue();
            default -> null;
        };
        if (value == null && !unlocked) {
            return null;
        }
        return sheet.getSheetName() + "!" + cell.getAddress().formatAsString() + " " + (value == null ? "(blank)" : value)
                + (unlocked ? " [input " + cell.getCellStyle().getDataFormatString() + "]" : "");
    }
}
