package org.evalbook.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of the consolidated workbook, created once per workbook (Excel caps the number of styles, so no
 * style is ever made per cell). Totals repeat the body styles in bold.
 */
record ReportStyles(CellStyle title, CellStyle header, CellStyle text, CellStyle wrapped, CellStyle link,
                    NumberStyles body, NumberStyles total, CellStyle totalText, CellStyle dateTime) {

    /** One style per number format: amounts and scores {@code 0.00}, headcounts and counts {@code 0}, rates {@code 0.00%}. */
    record NumberStyles(CellStyle decimal, CellStyle whole, CellStyle percent) {
        CellStyle of(NumberFormat format) {
            return switch (format) {
                case DECIMAL -> decimal;
                case WHOLE -> whole;
                case PERCENT -> percent;
            };
        }
    }

    /** How a number column is shown. */
    enum NumberFormat {
        DECIMAL("0.00"), WHOLE("0"), PERCENT("0.00%");

        private final String pattern;

        NumberFormat(String pattern) {
            this.pattern = pattern;
        }
    }

    static ReportStyles of(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        Font linkFont = workbook.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(IndexedColors.BLUE.getIndex());

        CellStyle title = workbook.createCellStyle();
        title.setFont(titleFont);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        CellStyle header = bordered(workbook);
        header.setFont(bold);
        header.setWrapText(true);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        CellStyle wrapped = bordered(workbook);
        wrapped.setWrapText(true);
        CellStyle link = bordered(workbook);
        link.setFont(linkFont);
        CellStyle totalText = bordered(workbook);
        totalText.setFont(bold);
        CellStyle dateTime = bordered(workbook);
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        return new ReportStyles(title, header, bordered(workbook), wrapped, link, numbers(workbook, null),
                numbers(workbook, bold), totalText, dateTime);
    }

    private static NumberStyles numbers(Workbook workbook, Font font) {
        return new NumberStyles(number(workbook, NumberFormat.DECIMAL, font), number(workbook, NumberFormat.WHOLE, font),
                number(workbook, NumberFormat.PERCENT, font));
    }

    private static CellStyle number(Workbook workbook, NumberFormat format, Font font) {
        CellStyle style = bordered(workbook);
        style.setDataFormat(workbook.createDataFormat().getFormat(format.pattern));
        if (font != null) {
            style.setFont(font);
        }
        return style;
    }

    private static CellStyle bordered(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }
}
