package org.evalbook.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.evalbook.check.IndicatorScore;
import org.evalbook.check.ScoreSheet;
import org.evalbook.check.Scorer;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.TableRow;

/**
 * One unit's figures, drawn from a seed: sizes from a few dozen to a few thousand 万元, every identity of checks.yaml
 * exact to the cent, execution rates inside the 90–100 % band, tables of one to five rows, checklist answers and
 * judgement levels that vary, and self-scores equal to what the engine recomputes — a return that is wrong in no
 * respect unless a {@link Planted} error is put into it afterwards.
 */
final class BenchFigures {
    private static final String[][] FUNCTIONS = {{"2100799", "其他计划生育事务支出"}, {"2080505", "机关事业单位基本养老保险缴费支出"},
            {"2210201", "住房公积金"}};
    private static final String[] PROJECTS = {"生育关怀", "计生家庭帮扶", "人口健康宣传教育", "基层阵地建设", "信息化建设", "流动人口服务"};
    private static final String[][] TASKS = {{"生育关怀慰问", "户"}, {"健康讲座", "期"}, {"培训基层骨干", "人次"}, {"走访计生特殊家庭", "户"},
            {"编印宣传资料", "份"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛"};

    private final Framework framework;
    private final Random random;

    BenchFigures(Framework framework, Random random) {
        this.framework = framework;
        this.random = random;
    }

    /** A complete, consistent set of figures; {@code scores} receives the engine's recomputation of them. */
    FieldValues consistent(Profile profile, String unitName, LocalDate filled, ScoreSheet[] scores) {
        FieldValues.Builder v = FieldValues.builder();
        BigDecimal size = BigDecimal.valueOf(20 + Math.exp(5 + random.nextGaussian()));
        int authorized = 5 + random.nextInt(60);
        v.text("contact_name", SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)])
                .text("contact_phone", "0871-6" + (3000000 + random.nextInt(999999))).text("fill_date", filled.toString())
                .number("staff_authorized", BigDecimal.valueOf(authorized))
                .number("staff_actual", BigDecimal.valueOf(authorized - random.nextInt(Math.min(4, authorized))));
        BigDecimal personnel = part(size, 0.40, 0.60);
        BigDecimal pub = part(size, 0.08, 0.15);
        BigDecimal project = part(size, 0.20, 0.45);
        BigDecimal personnelFinal = part(personnel, 0.94, 1.0);
        BigDecimal pubFinal = part(pub, 0.92, 1.0);
        BigDecimal projectFinal = part(project, 0.91, 1.0);
        BigDecimal basic = personnel.add(pub);
        BigDecimal total = basic.add(project);
        BigDecimal totalFinal = personnelFinal.add(pubFinal).add(projectFinal);
        BigDecimal addition = random.nextInt(10) < 7 ? BigDecimal.ZERO.setScale(2) : part(total, 0.0, 0.03);
        v.number("exp_personnel_budget", personnel).number("exp_personnel_final", personnelFinal)
                .number("exp_public_budget", pub).number("exp_public_final", pubFinal)
                .number("exp_basic_budget", basic).number("exp_basic_final", personnelFinal.add(pubFinal))
                .number("exp_project_budget", project).number("exp_project_final", projectFinal)
                .number("exp_total_budget", total).number("exp_total_adjusted", total.add(addition)).number("exp_total_final", totalFinal)
                .number("budget_addition", addition).number("budget_reduction", "0").number("budget_policy_adjust", "0");
        BigDecimal carryBegin = part(size, 0.0, 0.08);
        BigDecimal income = totalFinal.add(part(size, 0.0, 0.04));
        BigDecimal other = part(income, 0.0, 0.1);
        v.number("carry_begin", carryBegin).number("carry_end", carryBegin.add(income).subtract(totalFinal))
                .number("inc_total", income).number("inc_fiscal", income.subtract(other)).number("inc_other", other);
        BigDecimal progress = part(BigDecimal.ONE, 0.85, 1.0);
        v.number("pay_actual_progress", progress).number("pay_planned_progress", "1")
                .number("procurement_budget", part(pub, 0.1, 0.3)).number("procurement_final", part(pub, 0.1, 0.3))
                .number("assets_total", part(size, 0.2, 0.6))
                // No building project this year (the usual case): 0 of 0 approved, which the rules score in full.
                .number("building_area_approved", "0").number("building_area_actual", "0")
                .number("building_invest_approved", "0").number("building_invest_actual", "0");
        v.number("assets_in_use", part(v.build().numbers().get("assets_total"), 0.9, 1.0));
        int surveyed = 50 + random.nextInt(450);
        v.number("survey_valid", BigDecimal.valueOf(surveyed)).number("survey_satisfied", BigDecimal.valueOf(surveyed - random.nextInt(surveyed / 5)));
        sangong(v, size);
        split(total, totalFinal, 1 + random.nextInt(FUNCTIONS.length), (i, budget, fin) -> v.row("func", new TableRow(i,
                Map.of("func_budget", budget, "func_final", fin), Map.of("func_code", FUNCTIONS[i - 1][0], "func_name", FUNCTIONS[i - 1][1]))));
        split(project, projectFinal, 1 + random.nextInt(5), (i, budget, fin) -> v.row("proj", new TableRow(i,
                Map.of("proj_budget", budget, "proj_final", fin), Map.of("proj_name", PROJECTS[i - 1], "proj_key", i == 1 || random.nextBoolean() ? "是" : "否"))));
        tasks(v);
        answers(v, profile);
        FieldValues figures = v.build();
        ScoreSheet sheet = new Scorer(framework, profile).score(figures);
        scores[0] = sheet;
        selfScores(v, sheet);
        v.text("report_overview", unitName + "编制" + authorized + "人。")
                .text("report_spending", "本年支出合计" + totalFinal.toPlainString() + "万元，其中项目支出" + projectFinal.toPlainString() + "万元。")
                .text("report_targets", "年度工作任务按计划推进。").text("report_conclusion", "自评得分" + sheet.total().toPlainString() + "分，等级为" + sheet.grade() + "。")
                .text("report_experience", "按预算批复执行，加强过程管理。").text("report_problems", "预算编制的精细化程度有待提高。")
                .text("report_measures", "进一步加强预算绩效管理。");
        return v.build();
    }

    /** "三公"经费 spent at 80–100 % of its budget, part by part; last year's budget a little above this year's. */
    private void sangong(FieldValues.Builder v, BigDecimal size) {
        BigDecimal operation = part(size, 0.002, 0.01);
        BigDecimal reception = part(size, 0.0, 0.004);
        BigDecimal operationFinal = part(operation, 0.8, 1.0);
        BigDecimal receptionFinal = part(reception, 0.8, 1.0);
        sangongPeriod(v, "budget", operation, reception);
        sangongPeriod(v, "final", operationFinal, receptionFinal);
        v.number("sangong_total_prior_budget", part(operation.add(reception), 1.0, 1.15));
    }

    private static void sangongPeriod(FieldValues.Builder v, String period, BigDecimal operation, BigDecimal reception) {
        v.number("sangong_total_" + period, operation.add(reception)).number("sangong_abroad_" + period, "0")
                .number("sangong_vehicle_" + period, operation).number("sangong_vehicle_purchase_" + period, "0")
                .number("sangong_vehicle_operation_" + period, operation).number("sangong_reception_" + period, reception);
    }

    private void tasks(FieldValues.Builder v) {
        int rows = 1 + random.nextInt(TASKS.length);
        for (int i = 1; i <= rows; i++) {
            int planned = 1 + random.nextInt(200);
            int actual = random.nextInt(4) == 0 ? planned - random.nextInt(1 + planned / 5) : planned;
            v.row("task", new TableRow(i, Map.of("task_planned", BigDecimal.valueOf(planned), "task_actual", BigDecimal.valueOf(actual),
                    "task_on_time", BigDecimal.valueOf(actual), "task_quality_ok", BigDecimal.valueOf(actual)),
                    Map.of("task_name", TASKS[i - 1][0], "task_unit", TASKS[i - 1][1], "task_key", i == 1 ? "是" : "否")));
        }
    }

    /** Checklists mostly 是; judgements at a level with a self-score inside its band. */
    private void answers(FieldValues.Builder v, Profile profile) {
        for (ProfileEntry entry : profile.entries()) {
            Indicator indicator = entry.indicator();
            for (int n = 1; n <= indicator.items().size(); n++) {
                v.text(indicator.checkName(n), random.nextInt(8) == 0 ? "否" : "是");
            }
            if (indicator.kind() == IndicatorKind.JUDGEMENT) {
                boolean reached = random.nextInt(5) > 0;
                var level = framework.judgementLevel(reached ? "达成" : "部分达成").orElseThrow();
                BigDecimal low = level.low(entry.weight());
                BigDecimal high = level.high(entry.weight());
                BigDecimal score = low.add(high.subtract(low).multiply(BigDecimal.valueOf(random.nextInt(101), 2))).setScale(2, RoundingMode.DOWN);
                v.text(indicator.levelName(), level.level()).number(indicator.selfName(), score);
            }
        }
    }

    /** Self-scores as the engine gives them, with a reason wherever a point was lost. */
    private static void selfScores(FieldValues.Builder v, ScoreSheet sheet) {
        for (IndicatorScore score : sheet.indicators()) {
            if (score.score().isEmpty()) {
                continue;
            }
            v.number("self_" + score.indicatorId(), score.score().get());
            if (score.score().get().compareTo(score.weight()) < 0) {
                v.text("reason_" + score.indicatorId(), "未达到满分标准，已在情况说明中分析原因。");
            }
        }
        v.number("self_total", sheet.total()).text("self_grade", sheet.grade());
    }

    /** {@code whole × [from, to)}, to the cent. */
    BigDecimal part(BigDecimal whole, double from, double to) {
        double share = from + random.nextDouble() * (to - from);
        return whole.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
    }

    interface RowSink {
        void row(int index, BigDecimal budget, BigDecimal fin);
    }

    /** Splits a budget and a final amount into {@code rows} rows that add up to them exactly. */
    private void split(BigDecimal budget, BigDecimal fin, int rows, RowSink sink) {
        List<BigDecimal[]> parts = new ArrayList<>();
        BigDecimal restBudget = budget;
        BigDecimal restFinal = fin;
        for (int i = 1; i < rows; i++) {
            BigDecimal b = part(restBudget, 0.2, 0.6);
            BigDecimal f = part(restFinal, 0.2, 0.6);
            parts.add(new BigDecimal[] {b, f});
            restBudget = restBudget.subtract(b);
            restFinal = restFinal.subtract(f);
        }
        parts.add(new BigDecimal[] {restBudget, restFinal});
        for (int i = 0; i < parts.size(); i++) {
            sink.row(i + 1, parts.get(i)[0], parts.get(i)[1]);
        }
    }
}
