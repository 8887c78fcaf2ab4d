package org.evalbook.template;

import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;
import org.evalbook.signing.SigningKey;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.Profile;
import org.evalbook.framework.TableRow;

/**
 * A return in which everything is filled and everything agrees — every check passes and every indicator scores its
 * full weight — issued, filled by name and recalculated as Excel would save it. Tests break one thing at a time.
 */
public final class ConsistentReturn {
    public static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);

    private ConsistentReturn() {
    }

    public static FieldValues figures() {
        FieldValues.Builder v = FieldValues.builder();
        v.text("contact_name", "张三").text("contact_phone", "0871-63123456").text("fill_date", "2023-03-01")
                .number("staff_authorized", "7").number("staff_actual", "7")
                .number("inc_total", "100").number("inc_fiscal", "90").number("inc_other", "10")
                .number("carry_begin", "0").number("carry_end", "0")
                .number("exp_total_budget", "100").number("exp_total_adjusted", "100").number("exp_total_final", "100")
                .number("exp_basic_budget", "60").number("exp_basic_final", "60")
                .number("exp_personnel_budget", "50").number("exp_personnel_final", "50")
                .number("exp_public_budget", "10").number("exp_public_final", "10")
                .number("exp_project_budget", "40").number("exp_project_final", "40")
                .number("budget_addition", "0").number("budget_reduction", "0").number("budget_policy_adjust", "0")
                .number("pay_actual_progress", "1").number("pay_planned_progress", "1")
                .number("procurement_budget", "2").number("procurement_final", "2")
                .number("assets_total", "38").number("assets_in_use", "38")
                .number("survey_valid", "100").number("survey_satisfied", "95");
        for (String period : new String[] {"budget", "final"}) {
            v.number("sangong_total_" + period, "1").number("sangong_abroad_" + period, "0").number("sangong_vehicle_" + period, "1")
                    .number("sangong_vehicle_purchase_" + period, "0").number("sangong_vehicle_operation_" + period, "1")
                    .number("sangong_reception_" + period, "0");
        }
        v.number("sangong_total_prior_budget", "1");
        v.row("func", new TableRow(1, Map.of("func_budget", new BigDecimal("100"), "func_final", new BigDecimal("100")),
                Map.of("func_code", "2100799", "func_name", "其他计划生育事务支出")));
        v.row("proj", new TableRow(1, Map.of("proj_budget", new BigDecimal("40"), "proj_final", new BigDecimal("40")),
                Map.of("proj_name", "生育关怀", "proj_key", "是")));
        v.row("task", new TableRow(1, Map.of("task_planned", BigDecimal.ONE, "task_actual", BigDecimal.ONE,
                "task_on_time", BigDecimal.ONE, "task_quality_ok", BigDecimal.ONE), Map.of("task_name", "生育关怀慰问", "task_unit", "户", "task_key", "是")));
        Profile profile = FRAMEWORK.profile("default").orElseThrow();
        for (var entry : profile.entries()) {
            Indicator indicator = entry.indicator();
            for (int n = 1; n <= indicator.items().size(); n++) {
                v.text(indicator.checkName(n), "是");
            }
            if (indicator.levelName() != null && indicator.kind() == org.evalbook.framework.IndicatorKind.JUDGEMENT) {
                v.text(indicator.levelName(), "达成");
            }
            v.number(indicator.selfName(), entry.weight());
        }
        v.number("self_total", "100").text("self_grade", "优");
        v.text("report_overview", "本单位编制7人，实有7人。").text("report_spending", "本年支出合计100万元，其中基本支出60万元，项目支出40万元。")
                .text("report_targets", "年度任务全部完成。").text("report_conclusion", "自评得分100分，等级为优。")
                .text("report_experience", "按预算批复执行。").text("report_problems", "无重大问题。").text("report_measures", "继续加强管理。");
        return v.build();
    }

    /** The issued, filled and recalculated workbook (unit 0530102 of the sample roster, profile default). */
    public static XSSFWorkbook workbook() throws IOException, RosterException {
        RosterRow unit = Issued.unit("0530102");
        UnitIssue issue = new UnitIssue(unit.unitCode(), unit.unitName(), 2023, "default", Optional.of(unit.email()), Optional.empty(),
                Instant.parse("2026-01-05T02:00:00Z"), FieldValues.builder().text("unit_code", unit.unitCode())
                .text("unit_name", unit.unitName()).number("fiscal_year", "2023").text("parent_dept", unit.parentDept()).build());
        XSSFWorkbook workbook = TemplateWriter.workbook(FRAMEWORK, FRAMEWORK.profile("default").orElseThrow(), Optional.of(issue),
                SigningKey.PUBLIC_DEMO);
        new WorkbookFiller(workbook).fill(figures());
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        return workbook;
    }

    public static Path save(XSSFWorkbook workbook, Path file) throws IOException {
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
