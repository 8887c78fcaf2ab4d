package org.evalbook.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.evalbook.framework.Framework;
import org.evalbook.signing.IssueIdentity;

/**
 * Cells as a person reads a workbook: by the sheets' order in the issued workbook, then row, then column — so a
 * finding lists its cells the same way on every run, and in the order a clerk finds them when turning the pages.
 * Sheets the issued workbook does not have (a unit added one) come last, by name.
 */
final class ReadingOrder implements Comparator<String> {
    /** Most references ever sorted, taken apart: every return of a framework lists the same cells (kept per framework). */
    private static final int MAX_PLACES = 50_000;

    private final List<String> sheets = new ArrayList<>();
    private final Map<String, Place> places = new java.util.concurrent.ConcurrentHashMap<>();

    /** The issued workbook's sheet order (framework.yaml, as TemplateWriter writes it; ReadingOrderTest keeps the two in step). */
    ReadingOrder(Framework framework) {
        framework.sheets().forEach(sheet -> sheets.add(sheet.name()));
        sheets.add(IssueIdentity.META_SHEET);
    }

    /** The cells without repeats, in reading order. */
    List<String> sorted(Collection<String> cells) {
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(cells));
        // Each reference taken apart once, not at every comparison: a C26 lists every computed cell of a return.
        Map<String, Place> taken = new HashMap<>();
        sorted.forEach(cell -> taken.put(cell, place(cell)));
        sorted.sort((a, b) -> compare(taken.get(a), taken.get(b), a, b));
        return sorted;
    }

    @Override
    public int compare(String a, String b) {
        return compare(place(a), place(b), a, b);
    }

    private Place place(String ref) {
        Place known = places.get(ref);
        if (known != null) {
            return known;
        }
        Place place = Place.of(ref);
        if (places.size() < MAX_PLACES) {
            places.put(ref, place);
        }
        return place;
    }

    private int compare(Place x, Place y, String a, String b) {
        int bySheet = Integer.compare(rank(x.sheet), rank(y.sheet));
        if (bySheet != 0) {
            return bySheet;
        }
        int byName = x.sheet.compareTo(y.sheet);
        if (byName != 0) {
            return byName;
        }
        int byRow = Integer.compare(x.row, y.row);
        return byRow != 0 ? byRow : byColumn(x, y, a, b);
    }

    private static int byColumn(Place x, Place y, String a, String b) {
        int byColumn = Integer.compare(x.column, y.column);
        return byColumn != 0 ? byColumn : a.compareTo(b);
    }

    private int rank(String sheet) {
        int rank = sheets.indexOf(sheet);
        return rank < 0 ? sheets.size() : rank;
    }

    /** A reference 基础数据表!B5 taken apart; a text that is no cell reference sorts after the cells of its sheet. */
    private record Place(String sheet, int row, int column) {
        static Place of(String ref) {
            int bang = ref.lastIndexOf('!');
            String sheet = bang < 0 ? "" : ref.substring(0, bang);
            try {
                CellReference cell = new CellReference(ref.substring(bang + 1));
                return new Place(sheet, cell.getRow(), cell.getCol());
            } catch (RuntimeException notACell) {
                return new Place(sheet, Integer.MAX_VALUE, Integer.MAX_VALUE);
            }
        }
    }
}
