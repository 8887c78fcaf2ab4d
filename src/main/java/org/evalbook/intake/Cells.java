package org.evalbook.intake;

import org.evalbook.framework.Decimals;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;

/** Turns POI cells into {@link RawCell}s: exact decimals, formula text kept, never an exception. */
final class Cells {
    private static final DataFormatter FORMATTER = new DataFormatter();
    /** A formula cell saved without a result (written by a program that does not calculate). */
    static final String UNCACHED = "UNCACHED";

    private Cells() {
    }

    static RawCell blank(String sheet, int row, int column) {
        return new RawCell(ref(sheet, row, column), "BLANK", "", "", "", false);
    }

    /** A cell that could not be read (the finding is raised on it; the rest of the return is read as usual). */
    static final String UNREADABLE = "UNREADABLE";

    static RawCell of(Cell cell) {
        String ref = ref(cell.getSheet().getSheetName(), cell.getRowIndex(), cell.getColumnIndex());
        try {
            return read(cell, ref);
        } catch (Throwable broken) {
            // e.g. POI recursing without end on an array formula whose text another program dropped
            boolean formula = safeIsFormula(cell);
            return new RawCell(ref, UNREADABLE, "", "", formula ? "?" : "", false);
        }
    }

    private static boolean safeIsFormula(Cell cell) {
        try {
            return cell.getCellType() == CellType.FORMULA;
        } catch (Throwable unknown) {
            return true;
        }
    }

    private static RawCell read(Cell cell, String ref) {
        String formula = "";
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            try {
                formula = cell.getCellFormula();
            } catch (RuntimeException unparsable) {
                formula = "?";
            }
            if (cell instanceof org.apache.poi.xssf.usermodel.XSSFCell xssf && !xssf.getCTCell().isSetV()) {
                return new RawCell(ref, UNCACHED, "", "", formula, false);
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                boolean date = safeIsDate(cell);
                String number = Double.isFinite(value) ? Decimals.ofDouble(value).toPlainString() : "";
                yield new RawCell(ref, "NUMERIC", formula.isEmpty() ? safeFormat(cell) : number, number, formula, date);
            }
            case STRING -> new RawCell(ref, "STRING", cell.getStringCellValue(), "", formula, false);
            case BOOLEAN -> new RawCell(ref, "BOOLEAN", String.valueOf(cell.getBooleanCellValue()), "", formula, false);
            case ERROR -> new RawCell(ref, "ERROR", errorText(cell), "", formula, false);
            default -> new RawCell(ref, "BLANK", "", "", formula, false);
        };
    }

    static String ref(String sheet, int row, int column) {
        return sheet + "!" + new CellReference(row, column).formatAsString();
    }

    private static boolean safeIsDate(Cell cell) {
        try {
            return DateUtil.isCellDateFormatted(cell);
        } catch (RuntimeException odd) {
            return false;
        }
    }

    /** The cell's text as DataFormatter shows it ("" when it cannot). */
    static String format(Cell cell) {
        return safeFormat(cell);
    }

    private static String safeFormat(Cell cell) {
        try {
            return FORMATTER.formatCellValue(cell);
        } catch (RuntimeException odd) {
            return "";
        }
    }

    private static String errorText(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (RuntimeException unknown) {
            return "#ERROR";
        }
    }
}
