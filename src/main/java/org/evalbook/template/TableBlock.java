package org.evalbook.template;

import org.apache.poi.ss.util.CellReference;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.TableDef;

/**
 * A table the unit adds rows to: a header, {@code minRows} numbered input rows whose columns are the named column
 * ranges of the contract, and a locked 合计 row under the amount columns.
 */
final class TableBlock {
    private final Context context;
    private final Grid grid;
    private final TableDef table;

    TableBlock(Context context, Grid grid, TableDef table) {
        this.context = context;
        this.grid = grid;
        this.table = table;
    }

    /** Writes the table with its header at {@code headerRow}; returns the row after it. */
    int write(int headerRow, int firstColumn) {
        grid.text(headerRow, firstColumn, "序号", Styles.Kind.HEADER);
        for (int c = 0; c < table.columns().size(); c++) {
            FieldDef column = table.columns().get(c);
            String unit = column.id().endsWith("_budget") ? "（年初预算，万元）" : column.type() == FieldType.AMOUNT ? "（万元）" : "";
            grid.text(headerRow, firstColumn + 1 + c, column.label() + unit, Styles.Kind.HEADER);
        }
        int first = headerRow + 1;
        int last = headerRow + table.minRows();
        for (int r = first; r <= last; r++) {
            grid.text(r, firstColumn, String.valueOf(r - headerRow), Styles.Kind.LABEL);
            for (int c = 0; c < table.columns().size(); c++) {
                grid.styled(r, firstColumn + 1 + c, context.styles.input(table.columns().get(c).type()));
            }
        }
        for (int c = 0; c < table.columns().size(); c++) {
            FieldDef column = table.columns().get(c);
            context.names.column(column.id(), grid.sheet(), first, last, firstColumn + 1 + c);
            Validations.add(grid.sheet(), column, first, last, firstColumn + 1 + c);
        }
        int totalRow = last + 1;
        if (table.columns().stream().anyMatch(c -> c.type() == FieldType.AMOUNT)) {
            grid.text(totalRow, firstColumn, "合计", Styles.Kind.LABEL);
            for (int c = 0; c < table.columns().size(); c++) {
                int column = firstColumn + 1 + c;
                if (table.columns().get(c).type() == FieldType.AMOUNT) {
                    String range = new CellReference(first, column).formatAsString() + ":" + new CellReference(last, column).formatAsString();
                    context.formula(grid, totalRow, column, null, "SUM(" + range + ")", Styles.Kind.FORMULA_AMOUNT);
                } else {
                    grid.text(totalRow, column, "", Styles.Kind.LABEL);
                }
            }
            return totalRow + 1;
        }
        return totalRow;
    }
}
