package org.evalbook.template;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Defines the workbook-scoped names of the field contract, remembering where each points. */
final class Names {
    private final XSSFWorkbook workbook;
    private final Map<String, String> refersTo = new LinkedHashMap<>();

    Names(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    void cell(String name, XSSFSheet sheet, int row, int column) {
        define(name, new CellReference(sheet.getSheetName(), row, column, true, true).formatAsString());
    }

    void column(String name, XSSFSheet sheet, int firstRow, int lastRow, int column) {
        CellReference first = new CellReference(sheet.getSheetName(), firstRow, column, true, true);
        CellReference last = new CellReference(sheet.getSheetName(), lastRow, column, true, true);
        define(name, new AreaReference(first, last, workbook.getSpreadsheetVersion()).formatAsString());
    }

    private void define(String name, String reference) {
        if (refersTo.containsKey(name)) {
            throw new IllegalStateException("name defined twice: " + name);
        }
        Name defined = workbook.createName();
        defined.setNameName(name);
        defined.setRefersToFormula(reference);
        refersTo.put(name, reference);
    }

    boolean isDefined(String name) {
        return refersTo.containsKey(name);
    }
}
