package org.evalbook.template;

import org.apache.poi.ss.util.CellRangeAddress;
import org.evalbook.framework.FieldDef;

/** 自评报告: the seven sections of the narrative report, each a long-text input under its heading. */
final class ReportSheet {
    static final String NAME = "自评报告";
    private static final int WIDTH = 6;

    private final Context context;
    private final Grid grid;

    ReportSheet(Context context) {
        this.context = context;
        this.grid = new Grid(context.workbook.createSheet(NAME), context.styles);
    }

    Grid write() {
        grid.widths(16, 16, 16, 16, 16, 16, 16);
        String unit = context.issue.map(UnitIssue::unitName).orElse("（单位名称）");
        String year = context.issue.map(i -> String.valueOf(i.fiscalYear())).orElse("（年度）");
        grid.merged(0, 0, WIDTH, unit + year + "年度" + context.framework.name() + "报告", Styles.Kind.TITLE);
        grid.height(0, 28);
        grid.text(1, 0, "请按提纲逐节填写；标“必填”的章节不能空白。文中引用的金额须与基础数据表一致（系统会核对）。", Styles.Kind.NOTE);
        int row = 3;
        for (FieldDef section : context.framework.fields()) {
            if (!section.group().equals("自评报告")) {
                continue;
            }
            grid.merged(row, 0, WIDTH, section.label() + (section.required() ? "（必填）" : ""), Styles.Kind.HEADER);
            row++;
            int last = row + 9;
            for (int r = row; r <= last; r++) {
                for (int c = 0; c <= WIDTH; c++) {
                    grid.styled(r, c, context.styles.get(Styles.Kind.INPUT_LONG));
                }
            }
            grid.sheet().addMergedRegion(new CellRangeAddress(row, last, 0, WIDTH));
            context.field(grid, row, 0, section);
            row = last + 2;
        }
        return grid;
    }
}
