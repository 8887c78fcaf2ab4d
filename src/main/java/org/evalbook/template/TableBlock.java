package org.evalbook.template;

import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.TableDef;

/**
 * A table the unit adds rows to: a header, {@code minRows} input rows (numbered, or not where a column such as the
 * 科目编码 identifies the row) whose columns are the named column ranges of the contract, and a locked 合计 row under
 * the amount columns. Columns are laid out in the order given: the contract names them, not their position.
 */
final class TableBlock {
    /** Whether the rows get a 序号 column first. */
    enum Numbering {
        NUMBERED, UNNUMBERED
    }

    private final Context context;
    private final Grid grid;
    private final TableDef table;
    private final List<FieldDef> columns;
    private final Numbering numbering;

    TableBlock(Context context, Grid grid, TableDef table) {
        this(context, grid, table, table.columns(), Numbering.NUMBERED);
    }

    TableBlock(Context context, Grid grid, TableDef table, List<FieldDef> columns, Numbering numbering) {
        this.context = context;
        this.grid = grid;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.numbering = numbering;
    }

    /** Writes the table with its header at {@code headerRow}; returns the row after it. */
    int write(int headerRow, int firstColumn) {
        int offset = firstColumn + (numbering == Numbering.NUMBERED ? 1 : 0);
        if (numbering == Numbering.NUMBERED) {
            grid.text(headerRow, firstColumn, "序号", Styles.Kind.HEADER);
        }
        for (int c = 0; c < columns.size(); c++) {
            FieldDef column = columns.get(c);
            String unit = column.id().endsWith("_budget") ? "（年初预算，万元）" : column.type() == FieldType.AMOUNT ? "（万元）" : "";
            grid.text(headerRow, offset + c, column.label() + unit, Styles.Kind.HEADER);
        }
        int first = headerRow + 1;
        int last = headerRow + table.minRows();
        for (int r = first; r <= last; r++) {
            if (numbering == Numbering.NUMBERED) {
                grid.text(r, firstColumn, String.valueOf(r - headerRow), Styles.Kind.LABEL);
            }
            for (int c = 0; c < columns.size(); c++) {
                grid.styled(r, offset + c, context.styles.input(columns.get(c).type()));
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            FieldDef column = columns.get(c);
            context.names.column(column.id(), grid.sheet(), first, last, offset + c);
            Validations.add(grid.sheet(), column, first, last, offset + c);
        }
        int totalRow = last + 1;
        if (columns.stream().anyMatch(c -> c.type() == FieldType.AMOUNT)) {
            // Without a 序号 column the label goes beside the sums: text under a named column would be read as a row.
            grid.text(totalRow, numbering == Numbering.NUMBERED ? firstColumn : offset + columns.size(), "合计",
                    numbering == Numbering.NUMBERED ? Styles.Kind.LABEL : Styles.Kind.NOTE);
            for (int c = 0; c < columns.size(); c++) {
                int column = offset + c;
                if (columns.get(c).type() == FieldType.AMOUNT) {
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
