package org.evalbook.template;

import org.apache.poi.ss.util.CellRangeAddress;
import org.evalbook.framework.FieldDef;

/** 自评报告: the seven sections of the narrative report, each a long-text input under its heading. */
final class ReportSheet {
    static final String NAME = "自评报告";
    private static final int WIDTH = 6;
    /** One tall text box per section; Excel does not grow merged cells as text is typed. */
    static final float SECTION_POINTS = 240;

    private final Context context;
    private final Grid grid;

    ReportSheet(Context context) {
        this.context = context;
        this.grid = new Grid(context.workbook.createSheet(NAME), context.styles);
    }

    Grid write() {
        grid.widths(16, 16, 16, 16, 16, 16, 16);
        String title = context.issue.map(i -> i.unitName() + i.fiscalYear() + "年度").orElse("") + context.framework.name() + "报告";
        grid.merged(0, 0, WIDTH, title, Styles.Kind.TITLE);
        grid.height(0, 28);
        grid.text(1, 0, "请按提纲逐节填写；标“必填”的章节不能空白。文中引用的金额须与基础数据表一致（系统会核对）。", Styles.Kind.NOTE);
        int row = 3;
        for (FieldDef section : context.framework.fields()) {
            if (!section.group().equals("自评报告")) {
                continue;
            }
            grid.merged(row, 0, WIDTH, section.label() + (section.required() ? "（必填）" : ""), Styles.Kind.HEADER);
            row++;
            for (int c = 0; c <= WIDTH; c++) {
                grid.styled(row, c, context.styles.get(Styles.Kind.INPUT_LONG));
            }
            grid.sheet().addMergedRegion(new CellRangeAddress(row, row, 0, WIDTH));
            grid.height(row, SECTION_POINTS);
            context.field(grid, row, 0, section);
            row += 2;
        }
        return grid;
    }
}
