package org.evalbook.template;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;

/**
 * The cached results of a stamped workbook's formulas for a unit's pre-filled figures, as the full writer stores them:
 * one thread's copy of the stamped workbook, its figures set and its formulas evaluated by POI, as
 * {@link TemplateWriter} has POI evaluate them. Only the cells that depend on a changed figure are recomputed.
 */
final class Recalculation {
    private final XSSFWorkbook workbook;
    private final XSSFFormulaEvaluator evaluator;
    private final Map<String, XSSFCell> figures = new LinkedHashMap<>();
    private final Map<String, XSSFCell> formulas = new LinkedHashMap<>();

    /** {@code formulaCells}: sheet!cell of every formula cell, as the stamper's holes name them. */
    Recalculation(byte[] written, Iterable<String> figureIds, List<String> formulaCells) {
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        for (String id : figureIds) {
            CellReference first = new AreaReference(workbook.getName(id).getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
            figures.put(id, cell(first.getSheetName(), first.getRow(), first.getCol()));
        }
        for (String ref : formulaCells) {
            CellReference at = new CellReference(ref.substring(ref.lastIndexOf('!') + 1));
            formulas.put(ref, cell(ref.substring(0, ref.lastIndexOf('!')), at.getRow(), at.getCol()));
        }
    }

    private XSSFCell cell(String sheet, int row, int column) {
        return workbook.getSheet(sheet).getRow(row).getCell(column);
    }

    /** Every formula cell's element as the workbook's writer stores it, by sheet!cell, for these figures. */
    Map<String, String> cells(Map<String, BigDecimal> numbers) {
        figures.forEach((id, cell) -> {
            cell.setCellValue(numbers.get(id).doubleValue());
            evaluator.notifyUpdateCell(cell);
        });
        Map<String, String> cells = new LinkedHashMap<>();
        formulas.forEach((ref, cell) -> {
            evaluator.evaluateFormulaCell(cell);
            cells.put(ref, xml(cell));
        });
        return cells;
    }

    /** Without evaluating: what the template stores, for the stamper to check this writer against. */
    Map<String, String> asWritten() {
        Map<String, String> cells = new LinkedHashMap<>();
        formulas.forEach((ref, cell) -> cells.put(ref, xml(cell)));
        return cells;
    }

    private static String xml(XSSFCell cell) {
        if (cell.getCellType() != CellType.FORMULA) {
            throw new IllegalStateException(cell.getAddress() + " is no longer a formula");
        }
        CTCell ct = cell.getCTCell();
        StringBuilder out = new StringBuilder(ct.getF().getStringValue().length() + 64).append("<c r=\"").append(ct.getR()).append('"');
        if (ct.isSetS()) {
            out.append(" s=\"").append(ct.getS()).append('"');
        }
        if (ct.isSetT()) {
            out.append(" t=\"").append(ct.getT()).append('"');
        }
        out.append("><f>").append(Stencil.escape(ct.getF().getStringValue())).append("</f>");
        if (ct.isSetV()) {
            out.append(ct.getV().isEmpty() ? "<v/>" : "<v>" + Stencil.escape(ct.getV()) + "</v>");
        }
        return out.append("</c>").toString();
    }
}
