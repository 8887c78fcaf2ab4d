package org.evalbook.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.check.ProjectScorer;
import org.evalbook.check.ReturnForm;
import org.evalbook.check.UnitIdentity;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.TableRow;
import org.evalbook.intake.CellSource;
import org.evalbook.pipeline.CheckedReturn;

/**
 * {@link SmallConsolidation} with project returns (项目支出绩效自评表) from 001 and 004, scored by the real
 * {@link ProjectScorer} under the default profile (执行率 10, 产出 50, 效益 30, 满意度 10). Worked by hand:
 * <ul>
 * <li>001 项目1 农村改厕补助: 年初 100, 全年 120, 执行 90 → 0.75 → 7.50; 产出 80 of ≥100 × 50 = 40.00, 效益 30, 满意度 10
 *     → 87.50 良; self 95.00 优 (7.50 higher); C14 and C16 on 项目1.</li>
 * <li>001 项目2 乡村道路养护: 年初 blank, 全年 50, 执行 50 → 1 → 10; 50 + 30 + 10 (95 of ≥90 caps at 1) → 100.00 优; self 100.00 优.</li>
 * <li>004 项目1 票据系统运维: 年初 30, 全年 blank, 执行 20 → no rate, 0; 50 + 30 + 10 → 90.00 优; self 92.00 优 (2.00 higher);
 *     C11 and C14 on 项目1, C23 on 项目1.</li>
 * </ul>
 * Sums: 年初 130.00 (2 projects), 全年 170.00 (2), 执行 160.00 (3); rate over 项目1 and 项目2 of 001: 140 / 170 = 0.8235.
 */
final class ProjectReturns {
    static final ProjectFramework PROJECT = (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID);
    private static final ProjectScorer SCORER = new ProjectScorer(PROJECT, PROJECT.profile("default").orElseThrow());
    static final String FILE_001 = "项目/001_县卫健委_2023_项目支出绩效自评.xlsx";
    static final String FILE_004 = "项目/004_县票据中心_2023_项目支出绩效自评.xlsx";

    private ProjectReturns() {
    }

    /** SmallConsolidation's units, 001 and 004 with their project returns (004's first in the scan). */
    static Consolidation of(Path returns) {
        Consolidation small = SmallConsolidation.of(returns);
        List<UnitResult> units = small.units().stream().map(u -> switch (u.roster().unitCode()) {
            case "001" -> u.withProject(first(returns));
            case "004" -> u.withProject(fourth(returns));
            default -> u;
        }).toList();
        return new Consolidation(small.deadline(), units, small.files(), small.unmatched());
    }

    static CheckedReturn first(Path returns) {
        ProjectOutcome toilets = project("项目1", "农村改厕补助", "100", "120", "90", "95", "优", "100", "80", "10", "90");
        ProjectOutcome roads = project("项目2", "乡村道路养护", null, "50", "50", "100", "优", "10", "10", "5", "95");
        return project(12, FILE_001, returns.resolve(FILE_001), "001", "=1+1", List.of(toilets, roads), List.of(
                finding(FindingCode.C14, FILE_001, "项目1", "项目1!J20", "pj_self_total", "87.50", "95.00",
                        "自评总分 95.00 与复核总分 87.50 不符，请按评分规则重新计算后填报。"),
                finding(FindingCode.C16, FILE_001, "项目1", "项目1!I12", "pi_self[1]", "40.00", "50.00",
                        "第1行指标实际完成值 80 未达到指标值 100，却自评满分 50，请按完成比例重新评分。")));
    }

    static CheckedReturn fourth(Path returns) {
        ProjectOutcome billing = project("项目1", "票据系统运维", "30", null, "20", "92", "优", "4", "4", "1", "90");
        return project(11, FILE_004, returns.resolve(FILE_004), "004", "县票据中心", List.of(billing), List.of(
                finding(FindingCode.C11, FILE_004, "项目1", "项目1!D6", "pj_funds_total_full", "", "",
                        "年度资金总额的全年预算数为空，请补填（空白不当作 0）。"),
                finding(FindingCode.C14, FILE_004, "项目1", "项目1!J20", "pj_self_total", "90.00", "92.00",
                        "自评总分 92.00 与复核总分 90.00 不符，请按评分规则重新计算后填报。"),
                finding(FindingCode.C23, FILE_004, "项目1", "项目1!J8", "pj_exec_rate", "", "",
                        "全年预算数为空，无法计算预算执行率，执行率得分按 0 计。")));
    }

    private static CheckedReturn project(int order, String file, Path path, String code, String name, List<ProjectOutcome> projects,
                                         List<Finding> findings) {
        return new CheckedReturn(order, file, path, "xlsx", "sha-project-" + code, Optional.of(new UnitIdentity(code, name, "2023", true)),
                Optional.empty(), Map.of(), Map.of("fill_date", "2027-03-28"), findings, ReturnForm.PROJECT, projects);
    }

    /**
     * One project sheet: three ≥ rows (产出 of weight 50, 效益 of 30 met exactly, 满意度 against 90 of 10), each self-scored
     * full marks, and the unit's total and grade.
     */
    static ProjectOutcome project(String sheet, String name, String initial, String full, String exec, String selfTotal, String selfGrade,
                                  String outputTarget, String output, String outcome, String satisfaction) {
        FieldValues.Builder values = FieldValues.builder().text("pj_name", name);
        put(values, "pj_funds_total_initial", initial);
        put(values, "pj_funds_total_full", full);
        put(values, "pj_funds_total_exec", exec);
        values.number("pj_self_total", selfTotal).text("pj_self_grade", selfGrade);
        values.row("pi", row(1, "产出指标", "数量指标", outputTarget, output, "50"));
        values.row("pi", row(2, "效益指标", "社会效益", outcome, outcome, "30"));
        values.row("pi", row(3, "满意度指标", "服务对象满意度", "90", satisfaction, "10"));
        FieldValues read = values.build();
        return new ProjectOutcome(sheet, read, Map.of("pj_name", new CellSource(sheet + "!C3", name)), SCORER.score(read),
                Optional.of(new BigDecimal(selfTotal)), Optional.of(selfGrade));
    }

    private static TableRow row(int index, String level1, String level2, String target, String actual, String weight) {
        Map<String, BigDecimal> numbers = new HashMap<>(Map.of("pi_target", new BigDecimal(target), "pi_actual", new BigDecimal(actual),
                "pi_weight", new BigDecimal(weight), "pi_self", new BigDecimal(weight)));
        return new TableRow(index, numbers, Map.of("pi_level1", level1, "pi_level2", level2, "pi_op", "≥"));
    }

    private static void put(FieldValues.Builder values, String id, String value) {
        if (value != null) {
            values.number(id, value);
        }
    }

    private static Finding finding(FindingCode code, String file, String sheet, String cell, String field, String expected, String actual,
                                   String message) {
        return new Finding(code, code.severity(), file, sheet, List.of(cell), field, expected, actual, message);
    }
}
