package org.evalbook.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * 一级/二级指标 merged down their rows, as the bureau's own tables print them, instead of repeated on every row. A run
 * starts at a filled cell and takes the rows below that repeat it or are empty (checklist items); a 二级 run also ends
 * where its 一级 does.
 */
final class Levels {
    private Levels() {
    }

    /** Merges runs in {@code level1} and then {@code level2} over rows [first, last]. */
    static void merge(Grid grid, int first, int last, int level1, int level2) {
        boolean[] level1Starts = merge(grid, first, last, level1, new boolean[last - first + 1]);
        merge(grid, first, last, level2, level1Starts);
    }

    private static boolean[] merge(Grid grid, int first, int last, int column, boolean[] endsBefore) {
        boolean[] starts = new boolean[last - first + 1];
        int start = -1;
        String value = "";
        for (int row = first; row <= last + 1; row++) {
            String text = row <= last ? grid.cell(row, column).getStringCellValue() : "";
            boolean boundary = row > last || endsBefore[row - first] || (!text.isEmpty() && !text.equals(value));
            if (boundary) {
                if (start >= 0 && row - 1 > start) {
                    grid.sheet().addMergedRegion(new CellRangeAddress(start, row - 1, column, column));
                }
                start = row;
                value = text;
                if (row <= last) {
                    starts[row - first] = true;
                }
            } else if (row <= last) {
                Cell cell = grid.cell(row, column);
                cell.setBlank();
            }
        }
        return starts;
    }
}
