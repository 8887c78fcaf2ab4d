package org.evalbook.template;

import org.evalbook.framework.TableDef;

/** A sheet holding one table (项目支出明细, 年度工作任务, 情况说明). */
final class TableSheet {
    private final Context context;
    private final TableDef table;
    private final String note;

    TableSheet(Context context, TableDef table, String note) {
        this.context = context;
        this.table = table;
        this.note = note;
    }

    Grid write() {
        Grid grid = new Grid(context.workbook.createSheet(table.sheet()), context.styles);
        int[] widths = new int[table.columns().size() + 1];
        widths[0] = 6;
        for (int c = 0; c < table.columns().size(); c++) {
            widths[c + 1] = switch (table.columns().get(c).type()) {
                case TEXT, LONGTEXT -> table.columns().size() <= 2 ? 60 : c == 0 ? 32 : 12;
                default -> 14;
            };
        }
        grid.widths(widths);
        grid.merged(0, 0, table.columns().size(), table.label(), Styles.Kind.TITLE);
        grid.height(0, 28);
        grid.text(1, 0, note, Styles.Kind.NOTE);
        new TableBlock(context, grid, table).write(2, 0);
        return grid;
    }
}
