package org.evalbook.roster;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/** A roster's cells as rows (the first non-blank row is the header), read from xlsx, xls or CSV alike. */
record RosterTable(List<Line> lines) {
    RosterTable {
        lines = List.copyOf(lines);
    }

    /**
     * One row.
     *
     * @param number the row number as the spreadsheet shows it (1-based)
     * @param cells  by column index; columns past the last cell read as blank
     */
    record Line(int number, List<RosterCell> cells) {
        Line {
            cells = List.copyOf(cells);
        }

        RosterCell cell(int column) {
            return column < cells.size() ? cells.get(column) : RosterCell.blank(address(number, column));
        }

        boolean isBlank() {
            return cells.stream().allMatch(RosterCell::isBlank);
        }
    }

    /** Collects the cells of one row in column order, filling gaps with blanks. */
    static final class LineBuilder {
        private final int number;
        private final List<RosterCell> cells = new ArrayList<>();

        LineBuilder(int number) {
            this.number = number;
        }

        LineBuilder put(int column, RosterCell cell) {
            while (cells.size() < column) {
                cells.add(RosterCell.blank(address(number, cells.size())));
            }
            cells.add(cell);
            return this;
        }

        Line build() {
            return new Line(number, cells);
        }
    }

    static String address(int rowNumber, int column) {
        return CellReference.convertNumToColString(column) + rowNumber;
    }
}
