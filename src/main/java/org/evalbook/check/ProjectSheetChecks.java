package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Figures;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.ProjectComputed;
import org.evalbook.framework.Decimals;
import org.evalbook.framework.Expression;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.OperatorKind;
import org.evalbook.framework.SumCheck;
import org.evalbook.framework.TableRow;
import org.evalbook.intake.RawCell;

/**
 * The rules of a project sheet that are not about single indicators: required cells (C11), the funds lines adding up
 * (C27, 尾差 a warning as for C01–C08), the execution rate that cannot be computed (C23), and the computed cells —
 * a formula typed over (C18), or its saved result other than the recomputation (C26).
 */
final class ProjectSheetChecks {
    private static final String ROUNDING_ADVICE = "。属四舍五入尾差的，请在偏差原因中注明；否则请核对。";
    private static final String PROGRAMS = "用 Excel 或 WPS 打开后保存一次即可重新计算";

    private ProjectSheetChecks() {
    }

    /** C11: the sheet's required fields, and in each filled indicator row 一级、三级、指标性质、分值、自评得分. */
    static List<Finding> required(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        for (FieldDef field : c.framework.projectFields()) {
            if (field.required() && c.number(field.id()).isEmpty() && c.text(field.id()).filter(t -> !t.isBlank()).isEmpty()
                    && !typed(c, field.id())) {
                findings.add(c.finding(FindingCode.C11, Severity.ERROR, List.of(field.id()), "必填", "空",
                        c.label(field.id()) + "为空（空白不当作 0）。请填写。"));
            }
        }
        if (c.rows().isEmpty()) {
            findings.add(c.finding(FindingCode.C11, Severity.ERROR, List.of(), "至少一行", "空",
                    "没有填写绩效指标。请按产出、效益、满意度逐项填写三级指标。"));
        }
        for (TableRow row : c.rows()) {
            boolean notApplicable = c.framework.operator(row.text("pi_op").orElse("")).map(o -> o.kind() == OperatorKind.NOT_APPLICABLE).orElse(false);
            for (String column : List.of("pi_level1", "pi_name", "pi_op", "pi_weight", "pi_self")) {
                if (column.equals("pi_self") && notApplicable) {
                    continue;
                }
                String key = column + "[" + row.index() + "]";
                if (row.isBlank(column) && !typed(c, key)) {
                    findings.add(c.findingAt(FindingCode.C11, Severity.ERROR, key, cellOf(c, column, row.index()),
                            c.label(key) + "为空。请把这一行指标填写完整（不适用的指标请在指标性质中选“不适用”）。"));
                }
            }
        }
        return findings;
    }

    /** The cell held something that could not be read (that raised its own finding): not a blank. */
    private static boolean typed(ProjectChecked c, String key) {
        return c.sheet.where(key).map(ref -> c.sheet.findings().stream().anyMatch(f -> f.cells().contains(ref))).orElse(false);
    }

    /** The cell of a table column at a row, from the row's other cells (the row is the same for every column). */
    private static List<String> cellOf(ProjectChecked c, String column, int index) {
        for (FieldDef other : c.framework.indicatorTable().columns()) {
            Optional<String> ref = c.sheet.where(other.id() + "[" + index + "]");
            if (ref.isPresent()) {
                String sheetPart = ref.get().substring(0, ref.get().lastIndexOf('!') + 1);
                String row = ref.get().substring(ref.get().lastIndexOf('!') + 1).replaceAll("[^0-9]", "");
                return c.sheet.columnOf(column).map(letters -> List.of(sheetPart + letters + row)).orElse(List.of());
            }
        }
        return List.of();
    }

    /** C27: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column; within the rounding allowance a warning. */
    static List<Finding> funds(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        for (SumCheck check : c.framework.sums()) {
            Optional<BigDecimal> total = c.number(check.total());
            if (total.isEmpty()) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            int typed = 0;
            boolean complete = true;
            List<String> ids = new ArrayList<>(List.of(check.total()));
            List<String> parts = new ArrayList<>();
            for (Expression.Term term : check.equals().terms()) {
                if (!(term.operand() instanceof Expression.FieldRef ref)) {
                    continue;
                }
                Optional<BigDecimal> value = c.number(ref.field());
                boolean optional = c.framework.field(ref.field()).map(FieldDef::blankInSums).orElse(false);
                if (value.isEmpty()) {
                    complete &= optional;
                    continue;
                }
                sum = term.sign() < 0 ? sum.subtract(value.get()) : sum.add(value.get());
                typed++;
                ids.add(ref.field());
                parts.add(c.line(ref.field()) + " " + Figures.amount(value.get()));
            }
            BigDecimal difference = total.get().subtract(sum);
            if (!complete || typed == 0 || difference.signum() == 0) {
                continue;
            }
            BigDecimal allowed = c.framework.roundingPerTwoParts().multiply(BigDecimal.valueOf(Math.max(1, (typed + 1) / 2)));
            boolean rounding = difference.abs().compareTo(allowed) <= 0;
            String text = c.label(check.total()) + " " + Figures.amount(total.get()) + " 万元 ≠ " + String.join(" + ", parts)
                    + (typed > 1 ? " = " + Figures.amount(sum) : "") + " 万元（差 " + Figures.amount(difference.abs()) + (rounding ? "，尾差）" : "）");
            findings.add(c.finding(FindingCode.C27, rounding ? Severity.WARNING : Severity.ERROR, ids, Figures.amount(sum),
                    Figures.amount(total.get()), text + (rounding ? ROUNDING_ADVICE : "。请核对年度资金总额与各项资金来源，改正后重新提交。"))
                    .withValues(sum, total.get()));
        }
        return findings;
    }

    /**
     * C23: the execution rate cannot be computed — 全年预算数 blank or 0 — so 执行率得分 is 0; C14: an 执行率得分 the unit
     * typed over the formula that differs from the recomputation.
     */
    static List<Finding> execution(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        RawCell typed = c.sheet.computed().get(ProjectComputed.EXEC_SCORE.id());
        if (typed != null && !typed.hasFormula() && typed.type().equals("NUMERIC")) {
            BigDecimal self = new BigDecimal(typed.number());
            if (self.subtract(c.score.executionScore()).abs().compareTo(c.framework.scoreTolerance()) > 0) {
                findings.add(c.finding(FindingCode.C14, Severity.ERROR, List.of(ProjectComputed.EXEC_SCORE.id()), Figures.score(c.score.executionScore()),
                        Figures.score(self), "执行率得分填为 " + Figures.score(self) + " 分，按规则复核为 " + Figures.score(c.score.executionScore())
                                + " 分（预算执行率 " + c.score.executionRate().map(Figures::percent).orElse("无法计算") + "）。请改正。")
                        .withValues(c.score.executionScore(), self));
            }
        }
        if (c.score.executionRate().isPresent()) {
            return findings;
        }
        String full = c.framework.execution().denominator();
        String exec = c.framework.execution().numerator();
        Optional<BigDecimal> budget = c.number(full);
        String why = budget.isEmpty() ? c.label(full) + "为空" : budget.get().signum() == 0 ? c.label(full) + "为 0"
                : budget.get().signum() < 0 ? c.label(full) + "为负数" : c.label(exec) + "为空";
        findings.add(c.finding(FindingCode.C23, Severity.WARNING, List.of(full, exec), "", "",
                "预算执行率无法计算：" + why + "，执行率得分按 0 分计。请填写年度资金总额的全年预算数和全年执行数（各项资金来源已填的，合计行不能为 0）。"));
        return findings;
    }

    /** C18 and C26 on every computed cell the sheet has. */
    static List<Finding> formulas(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        c.sheet.computed().forEach((id, cell) -> {
            Optional<String> expected = expected(c, id);
            if (!cell.hasFormula()) {
                String typed = cell.isBlank() ? "空白" : "“" + cell.text() + "”";
                findings.add(c.finding(FindingCode.C18, Severity.ERROR, List.of(id), "公式", cell.text(), c.label(id)
                        + " 应为公式，现为" + typed + "（公式被改成了数值或被删除）" + expected.map(e -> "，按规则复核为 " + e).orElse("")
                        + "。请在下发的填报表中填写，不要改动带公式的单元格。"));
                return;
            }
            if (expected.isEmpty()) {
                return;
            }
            String saved = saved(cell);
            if (cell.type().equals("UNCACHED") || !same(expected.get(), saved)) {
                String what = cell.type().equals("UNCACHED") ? "文件中没有保存计算结果" : "文件中保存的计算结果为“" + saved + "”";
                findings.add(c.finding(FindingCode.C26, Severity.INFO, List.of(id), expected.get(), saved, c.label(id) + " 的公式完好，"
                        + what + "，按规则复核为“" + expected.get() + "”：文件保存前没有重新计算。" + PROGRAMS + "。复核结果以 evalbook 按规则的计算为准，无需处理。"));
            }
        });
        return findings;
    }

    /** What a computed cell should show, as text: a rate as its fraction, a score with 2 decimals, the grade. */
    private static Optional<String> expected(ProjectChecked c, String id) {
        ProjectScore score = c.score;
        if (id.startsWith(ProjectComputed.ROW_SCORE.id() + "[")) {
            int index = Integer.parseInt(id.substring(id.indexOf('[') + 1, id.length() - 1));
            return score.rows().stream().filter(r -> r.index() == index).findFirst()
                    .map(r -> r.score().map(Decimals::plain).orElse(""));
        }
        return ProjectComputed.named(id).flatMap(computed -> switch (computed) {
            case EXEC_RATE -> Optional.of(score.executionRate().map(Decimals::plain).orElse(""));
            case EXEC_SCORE -> Optional.of(Decimals.plain(score.executionScore()));
            case TOTAL -> Optional.of(score.shownTotal().map(Decimals::plain).orElse(""));
            case GRADE -> Optional.of(score.shownGrade());
            case ROW_SCORE -> Optional.empty();  // a row's cell is named pi_score[row], handled above
        });
    }

    private static String saved(RawCell cell) {
        return cell.type().equals("NUMERIC") ? cell.number() : cell.type().equals("STRING") ? cell.text().strip() : "";
    }

    /** Equal as numbers to 4 decimals when both are numbers (the cell keeps a double), else as text. */
    private static boolean same(String expected, String saved) {
        try {
            return new BigDecimal(expected).subtract(new BigDecimal(saved)).abs().compareTo(new BigDecimal("0.00005")) < 0;
        } catch (NumberFormatException text) {
            return expected.equals(saved);
        }
    }
}
