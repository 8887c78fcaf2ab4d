package org.evalbook.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.framework.DisplayWidth;
import org.evalbook.report.ReportStyles.NumberFormat;

/**
 * Writes one streamed sheet row by row and keeps what the finished sheet needs: the widest text per column (so
 * columns fit Chinese text, which is twice as wide as digits, and numbers as they are shown) and the first header row
 * (frozen and repeated on every printed page). A header wraps rather than widen its column beyond a few characters, and
 * a row holding wrapped text is made tall enough for its lines as it is written (a streamed row cannot be revisited,
 * and not every program fits row heights itself). Text is only ever written as a string cell, so nothing a unit typed
 * can become a formula.
 */
final class SheetWriter {
    private static final int MAX_COLUMNS = 64;
    private static final int MIN_WIDTH = 5;
    private static final int MAX_WIDTH = 48;
    /** A header line wider than this wraps instead of widening its column (its own line breaks come first). */
    private static final int HEADER_WIDTH = 12;
    private static final float LINE_HEIGHT = 14.5f;
    private static final String DATE_TIME = "2027-03-31 17:30";
    /** A4 landscape (297 mm) less the margins below, and how wide a column of n characters prints (Calibri 11). */
    private static final double PRINTABLE_MM = 297 - 2 * 0.4 * 25.4;
    private static final double MM_PER_CHARACTER = 7 * 25.4 / 96;
    private static final double MM_PER_COLUMN = 5 * 25.4 / 96;
    /** Below this print scale a clerk cannot read the page; the sheet is spread over more pages wide instead. */
    private static final double MIN_SCALE = 0.6;
    /** Numbers measured and remembered per format; past this a sheet's numbers are measured each time. */
    private static final int MOST_MEASURED = 4_096;

    private final SXSSFSheet sheet;
    private final ReportStyles styles;
    private final int[] widths = new int[MAX_COLUMNS];
    private int next;
    private int firstHeader = -1;
    private int headerEnd = -1;
    /** The unit columns to repeat on each page wide, 0 for none; decided by {@link #finish}. */
    private int repeatColumns;
    /** The range the sheet's auto-filter covers, when it has one ({@link #filter}). */
    private CellRangeAddress filtered;
    private Row row;
    private int rowLines;
    private final DataFormatter shown = new DataFormatter();
    /** Each style's number format, looked up once: the lookup goes through the workbook's style table every time. */
    private final Map<CellStyle, String> formats = new IdentityHashMap<>();
    /**
     * How many characters each number already measured shows, by the workbook's format index (which names one format
     * string): scores and weights recur (10.00, 8.50), and DataFormatter, which matches the format against its date
     * patterns on every call, was most of writing 指标得分.
     */
    private final Map<Short, Map<Double, Integer>> measured = new HashMap<>();

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
        rowLines = 1;
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
        int widest = value.lines().mapToInt(DisplayWidth::of).max().orElse(0);
        widen(column, style == styles.header() ? Math.min(HEADER_WIDTH, widest) : widest);
        if (style.getWrapText()) {
            fitLines(column, value);
        }
    }

    /** Makes the row tall enough for the lines the text wraps into at its column's width (estimated when not fixed). */
    private void fitLines(int column, String value) {
        int width = Math.max(1, (widths[column] < 0 ? -widths[column] : Math.max(HEADER_WIDTH, widths[column])) - 1);
        int lines = value.lines().mapToInt(line -> Math.max(1, (DisplayWidth.of(line) + width - 1) / width)).sum();
        if (lines > rowLines) {
            rowLines = lines;
            row.setHeightInPoints(lines * LINE_HEIGHT + 3);
        }
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
        String format = formats.computeIfAbsent(style, CellStyle::getDataFormatString);
        // Formatting every number to measure it was a good part of writing 指标得分; a column's width only changes for a
        // number that may show wider than the column already is.
        if (widths[column] >= 0 && widestShown(value, format) > widths[column]) {
            widen(column, shownLength(value, style.getDataFormat(), format));
        }
    }

    private int shownLength(double value, short formatIndex, String format) {
        Map<Double, Integer> lengths = measured.computeIfAbsent(formatIndex, f -> new HashMap<>());
        Integer known = lengths.get(value);
        if (known != null) {
            return known;
        }
        int length = shown.formatRawCellContents(value, formatIndex, format).length();
        if (lengths.size() < MOST_MEASURED) {
            lengths.put(value, length);
        }
        return length;
    }

    /**
     * At least as many characters as {@code value} shows with {@code format}, for plain formats like the report's own
     * ({@code 0}, {@code 0.00}, {@code 0.00%}: sign, integer digits and one more for rounding up, the decimals, the %
     * sign); for any other format, more than any column.
     */
    static int widestShown(double value, String format) {
        boolean percent = format.endsWith("%");
        String digitsShown = percent ? format.substring(0, format.length() - 1) : format;
        int decimals = digitsShown.length() - 2;
        boolean plain = digitsShown.equals("0") || decimals > 0 && digitsShown.startsWith("0.")
                && digitsShown.substring(2).chars().allMatch(c -> c == '0');
        double magnitude = Math.abs(percent ? value * 100 : value);
        if (!plain || !(magnitude < 1e15)) {
            return Integer.MAX_VALUE;
        }
        int digits = 1;
        for (long whole = (long) magnitude + 1; whole >= 10; whole /= 10) {
            digits++;
        }
        return 1 + digits + (decimals > 0 ? decimals + 1 : 0) + (percent ? 1 : 0);
    }

    void number(int column, Optional<BigDecimal> value, NumberFormat format) {
        number(column, value, styles.body().of(format));
    }

    void dateTime(int column, Optional<LocalDateTime> value) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(styles.dateTime());
        value.ifPresent(cell::setCellValue);
        widen(column, DATE_TIME.length());
    }

    void empty(int column, CellStyle style) {
        row.createCell(column).setCellStyle(style);
    }

    /** Fixes a column's width (in characters) instead of fitting it to its text; before the rows, so they wrap to it. */
    void fixWidth(int column, int characters) {
        widths[column] = -characters;
    }

    /**
     * Fits the columns and sets up A4 landscape printing: one page wide when that still prints at 60 % or more, else
     * as few pages wide as keep that scale, with the {@code frozenColumns} (the unit) repeated on each. On a sheet
     * with a header, freezes the panes below it and right of {@code frozenColumns} and repeats it on every page.
     */
    void finish(int frozenColumns) {
        double printedMm = 0;
        for (int c = 0; c < MAX_COLUMNS; c++) {
            if (widths[c] != 0) {
                int characters = widths[c] < 0 ? -widths[c] : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2));
                sheet.setColumnWidth(c, characters * 256);
                printedMm += characters * MM_PER_CHARACTER + MM_PER_COLUMN;
            }
        }
        int pagesWide = (int) Math.max(1, Math.ceil(printedMm * MIN_SCALE / PRINTABLE_MM));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) pagesWide);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.6);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.getFooter().setLeft("&A");
        sheet.getFooter().setRight("第 &P 页，共 &N 页");
        if (firstHeader >= 0) {
            sheet.createFreezePane(frozenColumns, headerEnd + 1);
        }
        repeatColumns = pagesWide > 1 && frozenColumns > 0 ? frozenColumns : 0;
    }

    /** Lets the reader filter the rows from {@code header} to {@code last} by any of the first {@code columns}. */
    void filter(int header, int last, int columns) {
        filtered = new CellRangeAddress(header, last, 0, columns - 1);
    }

    /**
     * Sets the auto-filter and print titles the sheet was given. They are names kept by the workbook, in the order they
     * are set, and sheets are written on several threads: the caller names every sheet, in sheet order, once all are
     * finished, so that no two threads change the workbook's names and it comes out the same on every run.
     */
    void names() {
        if (filtered != null) {
            sheet.setAutoFilter(filtered);
        }
        if (firstHeader >= 0) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf((firstHeader + 1) + ":" + (headerEnd + 1)));
        }
        if (repeatColumns > 0) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, repeatColumns - 1));
        }
    }

    private void widen(int column, int width) {
        if (widths[column] >= 0) {
            widths[column] = Math.max(widths[column], width);
        }
    }
}
