package org.evalbook.intake;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Shows a number the way POI's DataFormatter shows a cell holding it under a given number format, by formatting one
 * scratch cell: so the streaming reader's text of a number is POI's to the character (dates, percentages, locales).
 * One per worker; not thread-safe.
 */
final class NumberFormats {
    private final XSSFWorkbook scratch = new XSSFWorkbook();
    private final XSSFCell cell = scratch.createSheet().createRow(0).createCell(0);
    private final Map<Integer, XSSFCellStyle> styles = new HashMap<>();

    /** The text of {@code value} in a cell whose style has number format {@code index}, resolving to {@code format}. */
    String format(double value, int index, String format) {
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
