package org.evalbook.report;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.DefaultIndexedColorMap;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.evalbook.consolidate.UnitStatus;
import org.evalbook.finding.Severity;

/**
 * The cell styles of the consolidated workbook, created once per workbook (Excel caps the number of styles, so no
 * style is ever made per cell). Totals repeat the body styles in bold. Grades, severities and unit status are coloured
 * with plain cell styles in Excel's own good / neutral / bad colours (not conditional formats, which some programs
 * drop): every program shows them, and they print.
 *
 * @param grades the framework's grades, best first: the best is green, the next blue, the worst red, the others amber
 */
record ReportStyles(CellStyle title, CellStyle header, CellStyle text, CellStyle wrapped, CellStyle link,
                    NumberStyles body, NumberStyles total, CellStyle totalText, CellStyle totalWrapped, CellStyle dateTime,
                    List<String> grades,
                    Map<Tone, CellStyle> tones) {

    /** A colour that says how good something is: a fill and a darker font of the same hue. */
    enum Tone {
        GOOD("C6EFCE", "006100"), FAIR("DDEBF7", "1F4E78"), WARN("FFEB9C", "9C5700"), BAD("FFC7CE", "9C0006");

        private final String fill;
        private final String font;

        Tone(String fill, String font) {
            this.fill = fill;
            this.font = font;
        }
    }

    ReportStyles {
        grades = List.copyOf(grades);
        tones = Map.copyOf(tones);
    }

    /** A recomputed or self-assessed grade; text that is not one of the framework's grades stays plain. */
    CellStyle grade(String grade) {
        int rank = grades.indexOf(grade);
        if (rank < 0) {
            return text;
        }
        Tone tone = rank == 0 ? Tone.GOOD : rank == grades.size() - 1 ? Tone.BAD : rank == 1 ? Tone.FAIR : Tone.WARN;
        return tones.get(tone);
    }

    /** 错误 red, 警告 amber, 提示 plain. */
    CellStyle severity(Severity severity) {
        return switch (severity) {
            case ERROR -> tones.get(Tone.BAD);
            case WARNING -> tones.get(Tone.WARN);
            case INFO -> text;
        };
    }

    /** 未报送 red, 逾期报送 amber; a unit that returned on time needs no attention. */
    CellStyle status(UnitStatus status) {
        return switch (status) {
            case MISSING -> tones.get(Tone.BAD);
            case LATE -> tones.get(Tone.WARN);
            case ON_TIME, RETURNED -> text;
        };
    }

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

    static ReportStyles of(Workbook workbook, List<String> grades) {
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
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        CellStyle wrapped = bordered(workbook);
        wrapped.setWrapText(true);
        CellStyle link = bordered(workbook);
        link.setFont(linkFont);
        link.setWrapText(true);
        CellStyle totalText = bordered(workbook);
        totalText.setFont(bold);
        CellStyle totalWrapped = bordered(workbook);
        totalWrapped.setFont(bold);
        totalWrapped.setWrapText(true);
        CellStyle dateTime = bordered(workbook);
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        Map<Tone, CellStyle> tones = new EnumMap<>(Tone.class);
        for (Tone tone : Tone.values()) {
            tones.put(tone, toned(workbook, tone));
        }
        return new ReportStyles(title, header, bordered(workbook), wrapped, link, numbers(workbook, null),
                numbers(workbook, bold), totalText, totalWrapped, dateTime, grades, tones);
    }

    private static CellStyle toned(Workbook workbook, Tone tone) {
        XSSFFont font = (XSSFFont) workbook.createFont();
        font.setColor(rgb(tone.font));
        XSSFCellStyle style = (XSSFCellStyle) bordered(workbook);
        style.setFont(font);
        style.setFillForegroundColor(rgb(tone.fill));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static XSSFColor rgb(String hex) {
        return new XSSFColor(HexFormat.of().parseHex(hex), new DefaultIndexedColorMap());
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
        // A row made tall by one wrapped cell reads from the top, like a table on paper.
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }
}
