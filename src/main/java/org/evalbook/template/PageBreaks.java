package org.evalbook.template;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Row breaks that keep a heading on the same page as what it heads: a block (a section, a report box under its
 * heading) goes to a new page when it would not fit on what is left of the current one. A block taller than a page
 * starts where it is, its heading kept with its first row. LibreOffice and Excel break between rows by themselves
 * where a page is full; that is followed row by row.
 */
final class PageBreaks {
    /** The rows of one block, its heading first. */
    record Block(int first, int last) {
    }

    private PageBreaks() {
    }

    /**
     * @param page          the page's height in the sheet's points (see {@link PrintLayout#pageHeight})
     * @param repeatedRows  the number of top rows printed again on every page
     */
    static void keep(XSSFSheet sheet, float page, int repeatedRows, List<Block> blocks) {
        for (int r : sheet.getRowBreaks()) {
            sheet.removeRowBreak(r);
        }
        float capacity = page;
        for (int r = 0; r < repeatedRows; r++) {
            capacity -= height(sheet, r);
        }
        float used = 0;
        int row = repeatedRows;
        for (Block block : blocks) {
            for (; row < block.first(); row++) {
                used = place(used, height(sheet, row), capacity);
            }
            float whole = 0;
            for (int r = block.first(); r <= block.last(); r++) {
                whole += height(sheet, r);
            }
            float keep = whole <= capacity ? whole : height(sheet, block.first()) + height(sheet, block.first() + 1);
            if (used > 0 && used + keep > capacity) {
                sheet.setRowBreak(block.first() - 1);
                used = 0;
            }
            for (; row <= block.last(); row++) {
                used = place(used, height(sheet, row), capacity);
            }
        }
    }

    /** The page's used height after a row: on a new page when the row does not fit on this one. */
    private static float place(float used, float row, float capacity) {
        return used > 0 && used + row > capacity ? row : used + row;
    }

    static float height(XSSFSheet sheet, int row) {
        Row r = sheet.getRow(row);
        return r == null ? sheet.getDefaultRowHeightInPoints() : r.getHeightInPoints();
    }
}
