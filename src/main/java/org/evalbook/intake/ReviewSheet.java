package org.evalbook.intake;

import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.evalbook.framework.DisplayWidth;

/**
 * Writes the 审核意见书 of an annotated copy as a printable notice: a title, lines across the page, the numbered
 * problems with borders and wrapped text under a header row repeated on every page, and closing lines; A4 landscape,
 * fitted to the page width. Rows are given the height their wrapped text needs, as spreadsheet programs keep the height
 * a program writes. Works on .xlsx and .xls alike.
 */
final class ReviewSheet {
    private static final String FONT = "宋体";
    private static final float LINE_POINTS = 14.5f;

    private final Workbook workbook;
    private final Sheet sheet;

    ReviewSheet(Workbook workbook, Sheet sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    void write(Annotation.Review review) {
        int columns = review.header().size();
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, review.widths().get(c) * 256);
        }
        CellStyle title = style(font(true, 16), false, HorizontalAlignment.CENTER);
        CellStyle line = style(font(false, 11), false, HorizontalAlignment.LEFT);
        CellStyle header = style(font(true, 11), true, HorizontalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        CellStyle cell = style(font(false, 11), true, HorizontalAlignment.LEFT);
        CellStyle centred = style(font(false, 11), true, HorizontalAlignment.CENTER);

        int row = 0;
        across(row, review.title(), title, columns).setHeightInPoints(30);
        row += 2;
        for (String text : review.preamble()) {
            across(row++, text, line, columns);
        }
        row++;
        int headerRow = row;
        if (!review.problems().isEmpty()) {
            cells(row++, review.header(), header, header);
            for (List<String> problem : review.problems()) {
                cells(row++, problem, cell, centred);
            }
            row++;
        }
        for (String text : review.closing()) {
            across(row++, text, line, columns).setHeightInPoints(LINE_POINTS * 2);
        }
        print(review.problems().isEmpty() ? -1 : headerRow);
    }

    /** A line across the page: one cell merged over every column. */
    private Row across(int index, String text, CellStyle style, int columns) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < columns; c++) {
            row.createCell(c).setCellStyle(style);
        }
        row.getCell(0).setCellValue(text);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 0, columns - 1));
        row.setHeightInPoints(height(text, totalWidth(columns)));
        return row;
    }

    /** A table row; the short first columns (序号, 级别, 编码) centred. */
    private void cells(int index, List<String> values, CellStyle style, CellStyle centred) {
        Row row = sheet.createRow(index);
        float height = 0;
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
            row.getCell(c).setCellStyle(c < 3 ? centred : style);
            height = Math.max(height, height(values.get(c), sheet.getColumnWidth(c) / 256));
        }
        row.setHeightInPoints(height);
    }

    private int totalWidth(int columns) {
        int width = 0;
        for (int c = 0; c < columns; c++) {
            width += sheet.getColumnWidth(c) / 256;
        }
        return width;
    }

    /**
     * Lines the text wraps to in a cell {@code width} characters wide. The findings mix Chinese with cell references and
     * figures, which print narrower than they count, so the whole width is taken as usable (as printed pages show).
     */
    private static float height(String text, int width) {
        int usable = Math.max(1, width - 1);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += Math.max(1, (DisplayWidth.of(paragraph) + usable - 1) / usable);
        }
        return lines * LINE_POINTS + 4;
    }

    private void print(int headerRow) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        if (headerRow >= 0) {
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        }
    }

    private Font font(boolean bold, int points) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        return font;
    }

    private CellStyle style(Font font, boolean border, HorizontalAlignment align) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setWrapText(true);
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
