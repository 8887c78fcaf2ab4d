package org.evalbook.template;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.FieldType;

/** The few cell styles of an issued workbook: inputs stand out (pale yellow, unlocked); everything else is locked. */
final class Styles {
    static final String FONT = "宋体";

    enum Kind {
        TITLE, SUBTITLE, HEADER, LABEL, TEXT, NOTE,
        INPUT_TEXT, INPUT_AMOUNT, INPUT_NUMBER, INPUT_SCORE, INPUT_INTEGER, INPUT_PERCENT, INPUT_DATE, INPUT_LONG,
        LOCKED_TEXT, LOCKED_AMOUNT, LOCKED_NUMBER, LOCKED_SCORE, LOCKED_INTEGER,
        FORMULA_AMOUNT, FORMULA_SCORE, FORMULA_PERCENT, FORMULA_TEXT, CHECK, NOT_APPLICABLE, INPUT_SAMPLE, NOTE_WRAPPED
    }

    private final Map<Kind, CellStyle> styles = new EnumMap<>(Kind.class);

    Styles(XSSFWorkbook workbook) {
        Font plain = font(workbook, false, 11);
        Font bold = font(workbook, true, 11);
        Font title = font(workbook, true, 16);
        Font grey = font(workbook, false, 10);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        short text = workbook.createDataFormat().getFormat("@");
        short amount = workbook.createDataFormat().getFormat("#,##0.00");
        short score = workbook.createDataFormat().getFormat("0.00");
        short integer = workbook.createDataFormat().getFormat("0");
        short number = workbook.createDataFormat().getFormat("General");
        short percent = workbook.createDataFormat().getFormat("0.00%");
        short date = workbook.createDataFormat().getFormat("yyyy-mm-dd");

        styles.put(Kind.TITLE, style(workbook, title, false, false, HorizontalAlignment.CENTER, (short) -1, null));
        styles.put(Kind.SUBTITLE, style(workbook, plain, false, false, HorizontalAlignment.LEFT, (short) -1, null));
        styles.put(Kind.HEADER, style(workbook, bold, true, false, HorizontalAlignment.CENTER, (short) -1, IndexedColors.GREY_25_PERCENT));
        styles.put(Kind.LABEL, style(workbook, plain, true, false, HorizontalAlignment.LEFT, (short) -1, null));
        styles.put(Kind.TEXT, style(workbook, plain, false, false, HorizontalAlignment.LEFT, (short) -1, null));
        styles.put(Kind.NOTE, style(workbook, grey, false, false, HorizontalAlignment.LEFT, (short) -1, null));
        styles.get(Kind.NOTE).setWrapText(false);
        styles.put(Kind.NOTE_WRAPPED, style(workbook, grey, false, false, HorizontalAlignment.LEFT, (short) -1, null));
        styles.put(Kind.INPUT_TEXT, style(workbook, plain, true, true, HorizontalAlignment.LEFT, text, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.INPUT_LONG, style(workbook, plain, true, true, HorizontalAlignment.LEFT, text, IndexedColors.LIGHT_YELLOW));
        // A report section reads from the top of its box, as on paper, however short it is.
        styles.get(Kind.INPUT_LONG).setVerticalAlignment(VerticalAlignment.TOP);
        styles.put(Kind.INPUT_SCORE, style(workbook, plain, true, true, HorizontalAlignment.RIGHT, score, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.INPUT_AMOUNT, style(workbook, plain, true, true, HorizontalAlignment.RIGHT, amount, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.INPUT_NUMBER, style(workbook, plain, true, true, HorizontalAlignment.RIGHT, number, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.INPUT_INTEGER, style(workbook, plain, true, true, HorizontalAlignment.RIGHT, integer, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.INPUT_PERCENT, style(workbook, plain, true, true, HorizontalAlignment.RIGHT, percent, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.INPUT_DATE, style(workbook, plain, true, true, HorizontalAlignment.CENTER, date, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.INPUT_SAMPLE, style(workbook, plain, true, false, HorizontalAlignment.LEFT, text, IndexedColors.LIGHT_YELLOW));
        styles.put(Kind.LOCKED_TEXT, style(workbook, plain, true, false, HorizontalAlignment.LEFT, text, null));
        styles.put(Kind.LOCKED_AMOUNT, style(workbook, plain, true, false, HorizontalAlignment.RIGHT, amount, null));
        styles.put(Kind.LOCKED_NUMBER, style(workbook, plain, true, false, HorizontalAlignment.RIGHT, number, null));
        styles.put(Kind.LOCKED_SCORE, style(workbook, plain, true, false, HorizontalAlignment.RIGHT, score, null));
        styles.put(Kind.LOCKED_INTEGER, style(workbook, plain, true, false, HorizontalAlignment.RIGHT, integer, null));
        styles.put(Kind.FORMULA_AMOUNT, style(workbook, plain, true, false, HorizontalAlignment.RIGHT, amount, IndexedColors.LIGHT_TURQUOISE));
        styles.put(Kind.FORMULA_SCORE, style(workbook, bold, true, false, HorizontalAlignment.RIGHT, score, IndexedColors.LIGHT_TURQUOISE));
        styles.put(Kind.FORMULA_PERCENT, style(workbook, plain, true, false, HorizontalAlignment.RIGHT, percent, IndexedColors.LIGHT_TURQUOISE));
        styles.put(Kind.FORMULA_TEXT, style(workbook, plain, true, false, HorizontalAlignment.CENTER, (short) -1, IndexedColors.LIGHT_TURQUOISE));
        styles.put(Kind.CHECK, style(workbook, bold, true, false, HorizontalAlignment.CENTER, (short) -1, IndexedColors.LIGHT_TURQUOISE));
        styles.put(Kind.NOT_APPLICABLE, style(workbook, grey, true, false, HorizontalAlignment.CENTER, (short) -1, IndexedColors.GREY_25_PERCENT));
    }

    CellStyle get(Kind kind) {
        return styles.get(kind);
    }

    /** The input style for a field type. */
    CellStyle input(FieldType type) {
        return get(switch (type) {
            case AMOUNT -> Kind.INPUT_AMOUNT;
            case INTEGER -> Kind.INPUT_INTEGER;
            case NUMBER -> Kind.INPUT_NUMBER;
            case PERCENT -> Kind.INPUT_PERCENT;
            case DATE -> Kind.INPUT_DATE;
            case LONGTEXT -> Kind.INPUT_LONG;
            default -> Kind.INPUT_TEXT;
        });
    }

    /** The locked style for a pre-filled value of a field type. */
    CellStyle locked(FieldType type) {
        return get(switch (type) {
            case AMOUNT -> Kind.LOCKED_AMOUNT;
            case INTEGER -> Kind.LOCKED_INTEGER;
            case NUMBER, PERCENT -> Kind.LOCKED_NUMBER;
            default -> Kind.LOCKED_TEXT;
        });
    }

    private static Font font(XSSFWorkbook workbook, boolean bold, int points) {
        Font font = workbook.createFont();
        font.setFontName(FONT);
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        return font;
    }

    private static CellStyle style(XSSFWorkbook workbook, Font font, boolean border, boolean unlocked,
                                   HorizontalAlignment align, short format, IndexedColors fill) {
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setLocked(!unlocked);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        if (format >= 0) {
            style.setDataFormat(format);
        }
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        if (fill != null) {
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        return style;
    }
}
