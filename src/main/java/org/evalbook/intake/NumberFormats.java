package org.evalbook.intake;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Shows a number the way POI's DataFormatter shows a cell holding it under a given number format, by formatting one
 * scratch cell: so the streaming reader's text of a number is POI's to the character (dates, percentages, locales).
 * One per worker; not thread-safe. The text is a function of the value and the format alone, so it is remembered: the
 * same figures under the same few formats recur from return to return, and formatting is the costliest step of a cell.
 */
final class NumberFormats {
    /** Enough for the distinct figures of many returns; past it the memory starts afresh rather than grow unbounded. */
    private static final int REMEMBERED = 20_000;
    /** Formats longer than any a spreadsheet program writes are not remembered. */
    private static final int MAX_REMEMBERED_FORMAT = 256;
    private final XSSFWorkbook scratch = new XSSFWorkbook();
    private final XSSFCell cell = scratch.createSheet().createRow(0).createCell(0);
    private final Map<Integer, XSSFCellStyle> styles = new HashMap<>();
    private final Map<Shown, String> shown = new HashMap<>();

    /** A value under a format: {@code bits} tells 0.0 from -0.0 as DataFormatter may. */
    private record Shown(long bits, int index, String format) {
    }

    /** The text of {@code value} in a cell whose style has number format {@code index}, resolving to {@code format}. */
    String format(double value, int index, String format) {
        if (format.length() > MAX_REMEMBERED_FORMAT) {
            // a format that long is a hostile file's (the next file's heap is not spent on it)
            return formatted(value, index, format);
        }
        Shown key = new Shown(Double.doubleToRawLongBits(value), index, format);
        String text = shown.get(key);
        if (text == null) {
            if (shown.size() >= REMEMBERED) {
                shown.clear();
            }
            text = formatted(value, index, format);
            shown.put(key, text);
        }
        return text;
    }

    private String formatted(double value, int index, String format) {
        // Put every time: the same index may mean another format in the next file.
        scratch.getStylesSource().putNumberFormat((short) index, format);
        cell.setCellStyle(styles.computeIfAbsent(index, i -> {
            XSSFCellStyle style = scratch.createCellStyle();
            style.setDataFormat((short) (int) i);
            return style;
        }));
        cell.setCellValue(value);
        return Cells.format(cell);
    }
}
