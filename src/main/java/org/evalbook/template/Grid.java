package org.evalbook.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** Small helpers for laying cells out on a sheet. */
final class Grid {
    private final XSSFSheet sheet;
    private final Styles styles;

    Grid(XSSFSheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    XSSFSheet sheet() {
        return sheet;
    }

    Styles styles() {
        return styles;
    }

    Cell cell(int row, int column) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        return r.getCell(column) == null ? r.createCell(column) : r.getCell(column);
    }

    Cell text(int row, int column, String text, Styles.Kind kind) {
        Cell cell = cell(row, column);
        cell.setCellValue(text);
        cell.setCellStyle(styles.get(kind));
        return cell;
    }

    Cell styled(int row, int column, CellStyle style) {
        Cell cell = cell(row, column);
        cell.setCellStyle(style);
        return cell;
    }

    /** A text cell spanning columns [first, last] of one row; the border style goes on every covered cell. */
    Cell merged(int row, int first, int last, String text, Styles.Kind kind) {
        Cell cell = text(row, first, text, kind);
        for (int c = first + 1; c <= last; c++) {
            styled(row, c, styles.get(kind));
        }
        if (last > first) {
            sheet.addMergedRegion(new CellRangeAddress(row, row, first, last));
        }
        return cell;
    }

    void widths(int... widthsInChars) {
        for (int i = 0; i < widthsInChars.length; i++) {
            sheet.setColumnWidth(i, widthsInChars[i] * 256);
        }
    }

    void height(int row, float points) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        r.setHeightInPoints(points);
    }
}
