package org.evalbook.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.RuleText;

/**
 * 绩效指标表: every indicator of the catalogue with its weight and 评分标准, the live rate and rule score, and the
 * unit's self-score, level and 扣分原因; checklist items as 是/否 rows beneath. Indicators the profile does not use are
 * shown as 不适用, locked. The totals close the table.
 */
final class IndicatorSheet {
    static final String NAME = org.evalbook.framework.SheetKind.INDICATORS.fixedName().orElseThrow();
    static final int RATE = 5;
    static final int SCORE = 6;
    static final int SELF = 7;
    static final int LEVEL = 8;
    static final int REASON = 9;

    private final Context context;
    private final Grid grid;
    private final java.util.Map<String, IssuedFormulas.Issued> issued;

    IndicatorSheet(Context context) {
        this.context = context;
        this.issued = IssuedFormulas.of(context.framework, context.profile);
        this.grid = new Grid(context.workbook.createSheet(NAME), context.styles);
    }

    Grid write() {
        // Narrow enough to print on A4 landscape at about 10 pt once fitted to the width; rows grow with the rule text.
        grid.widths(6, 8, 16, 6, 40, 10, 8, 8, 14, 18);
        grid.merged(0, 0, REASON, context.framework.name() + "指标体系表（评价方案：" + context.profile.name() + "）", Styles.Kind.TITLE);
        grid.height(0, 28);
        grid.text(1, 0, "“计算值”“规则得分”由公式按评分标准自动计算；请在黄色单元格填写自评得分、达成档次或核查结果（是/否），得分低于分值时写明扣分原因。",
                Styles.Kind.NOTE);
        String[] headers = {"一级\n指标", "二级\n指标", "三级指标", "分值", "评分标准", "指标计算值", "规则得分", "自评得分", "达成档次/是否", "扣分原因"};
        for (int c = 0; c < headers.length; c++) {
            grid.text(2, c, headers[c], Styles.Kind.HEADER);
        }
        int row = 3;
        int first = row;
        for (ProfileEntry entry : context.profile.entries()) {
            row = applicable(row, entry);
        }
        Levels.merge(grid, first, row - 1, 0, 1);
        boolean heading = false;
        for (Indicator indicator : context.framework.indicators()) {
            if (context.profile.entry(indicator.id()).isEmpty()) {
                if (!heading) {
                    grid.merged(row++, 0, REASON, "以下指标本评价方案不适用，无需填写", Styles.Kind.HEADER);
                    heading = true;
                    first = row;
                }
                row = notApplicable(row, indicator);
            }
        }
        if (heading) {
            Levels.merge(grid, first, row - 1, 0, 1);
        }
        totals(row);
        return grid;
    }

    private int applicable(int row, ProfileEntry entry) {
        Indicator indicator = entry.indicator();
        String edges = indicator.kind() == IndicatorKind.RATE ? "。" + RuleText.edgeCases(entry) : "";
        labels(row, indicator.level1(), entry.level2(), entry.name(), Optional.of(entry.weight()),
                RuleText.forPrint(RuleText.describe(entry, context.framework.judgementLevels()) + edges));
        if (indicator.kind() == IndicatorKind.RATE) {
            IssuedFormulas.Issued rate = issued.get(indicator.rateName());
            context.formula(grid, row, RATE, indicator.rateName(), rate.formula(), Styles.Kind.FORMULA_PERCENT);
        } else {
            grid.text(row, RATE, "", Styles.Kind.FORMULA_TEXT);
        }
        IssuedFormulas.Issued score = issued.get(indicator.scoreName());
        context.formula(grid, row, SCORE, indicator.scoreName(), score.formula(), Styles.Kind.FORMULA_SCORE);
        grid.styled(row, SELF, context.styles.get(Styles.Kind.INPUT_SCORE));
        context.names.cell(indicator.selfName(), grid.sheet(), row, SELF);
        Validations.score(grid.sheet(), "自评得分·" + entry.name(), entry.weight(), row, SELF);
        if (indicator.kind() == IndicatorKind.JUDGEMENT) {
            grid.styled(row, LEVEL, context.styles.get(Styles.Kind.INPUT_TEXT));
            context.names.cell(indicator.levelName(), grid.sheet(), row, LEVEL);
            Validations.list(grid.sheet(), "达成档次", context.framework.judgementLevels().stream().map(JudgementLevel::level).toList(), row, LEVEL);
        } else {
            grid.text(row, LEVEL, "", Styles.Kind.LABEL);
        }
        grid.styled(row, REASON, context.styles.get(Styles.Kind.INPUT_TEXT));
        context.names.cell(indicator.reasonName(), grid.sheet(), row, REASON);
        Validations.freeText(grid.sheet(), "扣分原因", 500, row, row, REASON);
        row++;
        for (int n = 1; n <= indicator.items().size(); n++) {
            labels(row, "", "", Chinese.circled(n) + indicator.items().get(n - 1), Optional.empty(), "");
            for (int c = RATE; c <= REASON; c++) {
                grid.text(row, c, "", Styles.Kind.LABEL);
            }
            // Truly blank, not an empty text: the score formula asks ISBLANK of each item.
            grid.styled(row, LEVEL, context.styles.get(Styles.Kind.INPUT_TEXT)).setBlank();
            context.names.cell(indicator.checkName(n), grid.sheet(), row, LEVEL);
            Validations.list(grid.sheet(), "核查项", List.of("是", "否"), row, LEVEL);
            row++;
        }
        return row;
    }

    private int notApplicable(int row, Indicator indicator) {
        labels(row, indicator.level1(), indicator.level2(), indicator.name(), Optional.empty(), "本方案不适用");
        if (indicator.kind() == IndicatorKind.RATE) {
            grid.text(row, RATE, ExcelFormulas.NOT_APPLICABLE, Styles.Kind.NOT_APPLICABLE);
            context.names.cell(indicator.rateName(), grid.sheet(), row, RATE);
        } else {
            grid.text(row, RATE, "", Styles.Kind.NOT_APPLICABLE);
        }
        lockedNotApplicable(row, SCORE, indicator.scoreName());
        lockedNotApplicable(row, SELF, indicator.selfName());
        if (indicator.kind() == IndicatorKind.JUDGEMENT) {
            lockedNotApplicable(row, LEVEL, indicator.levelName());
        } else {
            grid.text(row, LEVEL, "", Styles.Kind.NOT_APPLICABLE);
        }
        lockedNotApplicable(row, REASON, indicator.reasonName());
        row++;
        for (int n = 1; n <= indicator.items().size(); n++) {
            labels(row, "", "", Chinese.circled(n) + indicator.items().get(n - 1), Optional.empty(), "");
            for (int c = RATE; c <= REASON; c++) {
                grid.text(row, c, "", Styles.Kind.NOT_APPLICABLE);
            }
            lockedNotApplicable(row, LEVEL, indicator.checkName(n));
            row++;
        }
        return row;
    }

    private void lockedNotApplicable(int row, int column, String name) {
        grid.text(row, column, ExcelFormulas.NOT_APPLICABLE, Styles.Kind.NOT_APPLICABLE);
        context.names.cell(name, grid.sheet(), row, column);
    }

    private void labels(int row, String level1, String level2, String name, Optional<BigDecimal> weight, String rule) {
        grid.text(row, 0, level1, Styles.Kind.LABEL);
        grid.text(row, 1, level2, Styles.Kind.LABEL);
        grid.text(row, 2, name, Styles.Kind.LABEL);
        if (weight.isPresent()) {
            grid.styled(row, 3, context.styles.get(Styles.Kind.LOCKED_SCORE)).setCellValue(weight.get().doubleValue());
        } else {
            grid.text(row, 3, "", Styles.Kind.LABEL);
        }
        grid.text(row, 4, rule, Styles.Kind.LABEL);
    }

    private String gradeBands() {
        List<org.evalbook.framework.GradeBand> grades = context.framework.grades();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < grades.size(); i++) {
            text.append(i == 0 ? "" : "，").append(grades.get(i).grade());
            text.append(i < grades.size() - 1 ? " ≥ " + Validations.plain(grades.get(i).atLeast())
                    : " < " + Validations.plain(grades.get(i - 1).atLeast()));
        }
        return text.toString();
    }

    private void totals(int row) {
        FieldDef selfTotal = context.framework.field("self_total").orElseThrow();
        FieldDef selfGrade = context.framework.field("self_grade").orElseThrow();
        grid.merged(row, 0, 4, "合计（规则总分按适用指标折算为百分制）", Styles.Kind.HEADER);
        grid.text(row, RATE, "总分", Styles.Kind.HEADER);
        context.formula(grid, row, SCORE, "score_total", issued.get("score_total").formula(), Styles.Kind.FORMULA_SCORE);
        context.field(grid, row, SELF, selfTotal);
        grid.text(row, LEVEL, "", Styles.Kind.LABEL);
        grid.text(row, REASON, "", Styles.Kind.LABEL);
        row++;
        grid.merged(row, 0, 4, "等级（" + gradeBands() + "）", Styles.Kind.HEADER);
        grid.text(row, RATE, "等级", Styles.Kind.HEADER);
        context.formula(grid, row, SCORE, "grade", issued.get("grade").formula(), Styles.Kind.FORMULA_TEXT);
        context.field(grid, row, SELF, selfGrade);
        grid.text(row, LEVEL, "", Styles.Kind.LABEL);
        grid.text(row, REASON, "", Styles.Kind.LABEL);
    }
}
