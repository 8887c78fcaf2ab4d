package org.evalbook.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.framework.DisplayWidth;
import org.evalbook.report.ReportStyles.NumberFormat;

/**
 * Writes one streamed sheet row by row and keeps what the finished sheet needs: the widest text per column (so
 * columns fit Chinese text, which is twice as wide as digits) and the first header row (frozen and repeated on every
 * printed page). Text is only ever written as a string cell, so nothing a unit typed can become a formula.
 */
final class SheetWriter {
    private static final int MAX_COLUMNS = 64;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 48;
    /** Room for a number shown with two decimals and a thousands-sized integer part. */
    private static final int NUMBER_WIDTH = 10;

    private final SXSSFSheet sheet;
    private final ReportStyles styles;
    private final int[] widths = new int[MAX_COLUMNS];
    private int next;
    private int firstHeader = -1;
    private int headerEnd = -1;
    private Row row;

    SheetWriter(SXSSFWorkbook workbook, String name, ReportStyles styles) {
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
    }

    ReportStyles styles() {
        return styles;
    }

    SXSSFSheet sheet() {
        return sheet;
    }

    /** A bold title over {@code span} columns; its width is not counted, it may run over. */
    void title(String text, int span) {
        newRow().setHeightInPoints(24);
        Cell cell = row.createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(styles.title());
        if (span > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, span - 1));
        }
    }

    /**
     * A header row. The sheet's first header (with the header rows right below it) is frozen and repeated on every
     * printed page.
     */
    Row header(List<String> labels) {
        newRow();
        if (firstHeader < 0) {
            firstHeader = row.getRowNum();
            headerEnd = firstHeader;
        } else if (row.getRowNum() == headerEnd + 1) {
            headerEnd = row.getRowNum();
        }
        for (int c = 0; c < labels.size(); c++) {
            text(c, labels.get(c), styles.header());
        }
        return row;
    }

    Row newRow() {
        row = sheet.createRow(next++);
        return row;
    }

    void skipRow() {
        next++;
    }

    void text(int column, String value) {
        text(column, value, styles.text());
    }

    void text(int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        widen(column, DisplayWidth.of(value));
    }

    /** A string cell carrying a link object (never a HYPERLINK formula). */
    void link(int column, String value, Hyperlink link) {
        text(column, value, styles.link());
        row.getCell(column).setHyperlink(link);
    }

    /** A number, or a bordered empty cell when blank: a blank is never written as 0. */
    void number(int column, Optional<BigDecimal> value, CellStyle style) {
        if (value.isPresent()) {
            number(column, value.get().doubleValue(), style);
        } else {
            empty(column, style);
        }
    }

    void number(int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        widen(column, NUMBER_WIDTH);
    }

    void number(int column, Optional<BigDecimal> value, NumberFormat format) {
        number(column, value, styles.body().of(format));
    }

    void dateTime(int column, Optional<LocalDateTime> value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.dateTime());
        value.ifPresent(cell::setCellValue);
        widen(column, "2027-03-31 17:30".length());
    }

    void empty(int column, CellStyle style) {
        row.createCell(column).setCellStyle(style);
    }

    /** Fixes a column's width (in characters) instead of fitting it to its text. */
    void fixWidth(int column, int characters) {
        widths[column] = -characters;
    }

    /**
     * Fits the columns, sets A4 landscape printing one page wide and, on a sheet with a header, freezes the panes
     * below it and right of {@code frozenColumns} and repeats it on every printed page.
     */
    void finish(int frozenColumns) {
        for (int c = 0; c < MAX_COLUMNS; c++) {
            if (widths[c] != 0) {
                int characters = widths[c] < 0 ? -widths[c] : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2));
                sheet.setColumnWidth(c, characters * 256);
            }
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        if (firstHeader >= 0) {
            sheet.createFreezePane(frozenColumns, headerEnd + 1);
            sheet.setRepeatingRows(CellRangeAddress.valueOf((firstHeader + 1) + ":" + (headerEnd + 1)));
        }
    }

    private void widen(int column, int width) {
        if (widths[column] >= 0) {
            widths[column] = Math.max(widths[column], width);
        }
    }
}
