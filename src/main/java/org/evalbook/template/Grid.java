package org.evalbook.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.evalbook.framework.DisplayWidth;

/** Small helpers for laying cells out on a sheet. */
final class Grid {
    private static final float LINE_POINTS = 14.5f;

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

    /**
     * Makes a row tall enough for its wrapped text: LibreOffice and Excel keep a fixed height for rows written by a
     * program, so long labels would spill over the next row.
     */
    void fitHeight(int row) {
        Row r = sheet.getRow(row);
        if (r == null) {
            return;
        }
        int lines = 1;
        for (Cell cell : r) {
            if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING || !cell.getCellStyle().getWrapText()) {
                continue;
            }
            lines = Math.max(lines, lines(cell.getStringCellValue(), columnsWidth(row, cell.getColumnIndex())));
        }
        r.setHeightInPoints(Math.max(sheet.getDefaultRowHeightInPoints(), lines * LINE_POINTS + 3));
    }

    /** The height in points that {@code text} needs, wrapped in a cell {@code widthInChars} wide. */
    static float heightFor(String text, int widthInChars) {
        return lines(text, widthInChars) * LINE_POINTS + 3;
    }

    private static int lines(String text, int widthInChars) {
        // A Chinese character prints a little wider than two width units: count 85 % of the width as usable.
        int width = Math.max(1, (widthInChars - 1) * 85 / 100);
        int needed = 0;
        for (String line : text.split("\n", -1)) {
            needed += Math.max(1, (DisplayWidth.of(line) + width - 1) / width);
        }
        return needed;
    }

    /** The width in characters of a cell, across the merged region it heads. */
    int columnsWidth(int row, int column) {
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.getFirstRow() == row && merged.getFirstColumn() == column) {
                int width = 0;
                for (int c = merged.getFirstColumn(); c <= merged.getLastColumn(); c++) {
                    width += sheet.getColumnWidth(c) / 256;
                }
                return width;
            }
        }
        return sheet.getColumnWidth(column) / 256;
    }

    void height(int row, float points) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        r.setHeightInPoints(points);
    }
}
