package org.evalbook.template;

import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A4 print setup: fitted to the page width, as many pages tall as the rows need, narrow margins (more room for the text
 * than the defaults), page numbers in the footer. Also where page breaks are worked out: how much of a sheet fits on
 * one page once it is scaled to the width.
 */
enum PrintLayout {
    PORTRAIT(false), LANDSCAPE(true);

    private static final double A4_SHORT = 595.3;
    private static final double A4_LONG = 841.9;
    private static final double SIDE_INCHES = 0.25;
    private static final double TOP_INCHES = 0.6;

    private final boolean landscape;

    PrintLayout(boolean landscape) {
        this.landscape = landscape;
    }

    /** Sets up {@code sheet} for printing, the header rows (if any) repeated on every page. */
    void apply(XSSFSheet sheet, String repeatedRows) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, SIDE_INCHES);
        sheet.setMargin(PageMargin.RIGHT, SIDE_INCHES);
        sheet.setMargin(PageMargin.TOP, TOP_INCHES);
        sheet.setMargin(PageMargin.BOTTOM, TOP_INCHES);
        sheet.setMargin(PageMargin.HEADER, 0.3);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        if (!repeatedRows.isEmpty()) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf(repeatedRows));
        }
    }

    /** The height, in the sheet's own points, of one page once the sheet is scaled to the page width. */
    float pageHeight(XSSFSheet sheet) {
        double width = (landscape ? A4_LONG : A4_SHORT) - 2 * SIDE_INCHES * 72;
        double height = (landscape ? A4_SHORT : A4_LONG) - 2 * TOP_INCHES * 72;
        double scale = Math.min(1, width / widthInPoints(sheet));
        return (float) (height / scale);
    }

    /**
     * The used columns' width in points: 8.7 pixels a character (as LibreOffice lays out our sheets; Excel's nominal 7
     * would give a larger scale and too few page breaks) plus 5 of padding, 0.75 point a pixel.
     */
    private static double widthInPoints(XSSFSheet sheet) {
        int columns = 0;
        for (var row : sheet) {
            columns = Math.max(columns, row.getLastCellNum());
        }
        double pixels = 0;
        for (int c = 0; c < columns; c++) {
            pixels += sheet.getColumnWidth(c) / 256.0 * 8.7 + 5;
        }
        return pixels * 0.75;
    }
}
