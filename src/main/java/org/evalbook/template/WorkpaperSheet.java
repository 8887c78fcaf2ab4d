package org.evalbook.template;

import java.util.ArrayList;
import java.util.List;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.RuleText;

/**
 * 工作底稿: one row per indicator of the profile (workpaper.md): index, indicator, weight and 评分标准 (locked), the
 * unit's 数据来源 and 佐证材料, the computation shown live, and 得分 / 扣分原因 taken from the indicator table's
 * self-assessment — never a second input that could disagree with it.
 */
final class WorkpaperSheet {
    static final String NAME = org.evalbook.framework.SheetKind.WORKPAPER.fixedName().orElseThrow();
    private static final String[] HEADERS = {"索引号", "一级指标", "二级指标", "三级指标", "分值", "评价要点/评分标准", "数据来源",
        "核查情况/计算过程", "佐证材料", "得分", "扣分原因", "评价人", "评价日期", "复核人", "复核日期", "复核意见"};

    private final Context context;
    private final Grid grid;

    WorkpaperSheet(Context context) {
        this.context = context;
        this.grid = new Grid(context.workbook.createSheet(NAME), context.styles);
    }

    Grid write() {
        // Narrow enough (140 characters) that fitting the width of a landscape A4 page keeps 11 pt text at 9 pt or more
        // as LibreOffice prints it; the rows run on over as many pages as they need.
        grid.widths(5, 4, 8, 10, 5, 21, 9, 12, 9, 6, 10, 5, 11, 5, 11, 9);
        grid.merged(0, 0, HEADERS.length - 1, context.framework.name() + "工作底稿", Styles.Kind.TITLE);
        grid.height(0, 28);
        grid.text(1, 0, "得分、扣分原因取自绩效指标表的自评得分和扣分原因；请在黄色单元格填写数据来源、佐证材料和评价人。", Styles.Kind.NOTE);
        for (int c = 0; c < HEADERS.length; c++) {
            grid.text(2, c, HEADERS[c], Styles.Kind.HEADER);
        }
        List<String> level1s = new ArrayList<>();
        List<String> level2s = new ArrayList<>();
        int sequence = 0;
        int row = 3;
        for (ProfileEntry entry : context.profile.entries()) {
            String level1 = entry.indicator().level1();
            if (!level1s.contains(level1)) {
                level1s.add(level1);
                level2s.clear();
            }
            if (!level2s.contains(entry.level2())) {
                level2s.add(entry.level2());
                sequence = 0;
            }
            sequence++;
            String index = (char) ('A' + level1s.indexOf(level1)) + "-" + (level2s.indexOf(entry.level2()) + 1) + "-" + sequence;
            write(row++, index, entry);
        }
        Levels.merge(grid, 3, row - 1, 1, 2);
        return grid;
    }

    private void write(int row, String index, ProfileEntry entry) {
        var indicator = entry.indicator();
        String[] locked = {index, indicator.level1(), entry.level2(), entry.name()};
        for (int c = 0; c < locked.length; c++) {
            grid.text(row, c, locked[c], Styles.Kind.LABEL);
        }
        grid.styled(row, 4, context.styles.get(Styles.Kind.LOCKED_SCORE)).setCellValue(entry.weight().doubleValue());
        grid.text(row, 5, RuleText.forPrint(RuleText.describe(entry, context.framework.judgementLevels())), Styles.Kind.LABEL);
        input(row, 6, "数据来源（决算报表、账簿凭证、批复文件、合同、台账、问卷等）");
        String working = indicator.kind() == IndicatorKind.RATE
                ? "IF(ISNUMBER(" + indicator.rateName() + "),\"计算值 \"&TEXT(" + indicator.rateName() + ",\"0.00%\"),\"缺少数据或分母为 0\")"
                : "IF(ISNUMBER(" + indicator.scoreName() + "),\"规则得分 \"&TEXT(" + indicator.scoreName() + ",\"0.00\"),\"\")";
        context.formula(grid, row, 7, null, working, Styles.Kind.FORMULA_TEXT);
        input(row, 8, "佐证材料（附件名称或编号）");
        context.formula(grid, row, 9, null, "IF(ISBLANK(" + indicator.selfName() + "),\"\"," + indicator.selfName() + ")", Styles.Kind.FORMULA_SCORE);
        context.formula(grid, row, 10, null, "IF(ISBLANK(" + indicator.reasonName() + "),\"\"," + indicator.reasonName() + ")", Styles.Kind.FORMULA_TEXT);
        input(row, 11, "评价人");
        date(row, 12);
        input(row, 13, "复核人");
        date(row, 14);
        input(row, 15, "复核意见");
    }

    private void input(int row, int column, String label) {
        grid.styled(row, column, context.styles.get(Styles.Kind.INPUT_TEXT));
        Validations.freeText(grid.sheet(), label, 500, row, row, column);
    }

    private void date(int row, int column) {
        grid.styled(row, column, context.styles.get(Styles.Kind.INPUT_DATE));
        Validations.add(grid.sheet(), context.framework.field("fill_date").orElseThrow(), row, row, column);
    }
}
