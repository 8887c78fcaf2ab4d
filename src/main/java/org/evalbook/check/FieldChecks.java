package org.evalbook.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Figures;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.TableDef;
import org.evalbook.framework.TableRow;

/** C09 staffing, C10 execution rates, C12 unit scale (元 typed for 万元). */
final class FieldChecks {
    private static final List<String> EXECUTION_LINES = List.of("exp_total", "exp_basic", "exp_project");

    private FieldChecks() {
    }

    static List<Finding> run(Checked c) {
        List<Finding> findings = new ArrayList<>();
        staffing(c, findings);
        execution(c, findings);
        unitScale(c, findings);
        return findings;
    }

    private static void staffing(Checked c, List<Finding> findings) {
        Optional<BigDecimal> actual = c.number("staff_actual");
        Optional<BigDecimal> authorized = c.number("staff_authorized");
        if (actual.isPresent() && authorized.isPresent() && actual.get().compareTo(authorized.get()) > 0) {
            findings.add(c.finding(FindingCode.C09, Severity.WARNING, List.of("staff_actual", "staff_authorized"),
                    "≤ " + c.shown("staff_authorized", authorized.get()), c.shown("staff_actual", actual.get()), "实际在职人数 "
                            + c.shown("staff_actual", actual.get()) + " 人超过编制数 " + c.shown("staff_authorized", authorized.get())
                            + " 人。请核对，属实的请在情况说明中说明原因。").withValues(authorized.get(), actual.get()));
        }
    }

    private static void execution(Checked c, List<Finding> findings) {
        BigDecimal from = c.framework.checkParameters().executionFrom();
        BigDecimal to = c.framework.checkParameters().executionTo();
        for (String line : EXECUTION_LINES) {
            Optional<BigDecimal> actual = c.number(line + "_final");
            String base = c.number(line + "_adjusted").isPresent() ? line + "_adjusted" : line + "_budget";
            Optional<BigDecimal> budget = c.number(base);
            if (actual.isEmpty() || budget.isEmpty() || budget.get().signum() <= 0) {
                continue;
            }
            BigDecimal rate = actual.get().divide(budget.get(), 4, RoundingMode.HALF_UP);
            if (rate.compareTo(from) < 0 || rate.compareTo(to) > 0) {
                findings.add(c.finding(FindingCode.C10, Severity.WARNING, List.of(line + "_final", base),
                        Figures.percent(from) + "–" + Figures.percent(to), Figures.percent(rate),
                        c.label(line + "_final") + " " + c.shown(line + "_final", actual.get()) + " / " + c.label(base) + " "
                                + c.shown(base, budget.get()) + " = " + Figures.percent(rate) + "，超出 " + Figures.percent(from) + "–"
                                + Figures.percent(to) + (rate.compareTo(to) > 0 && base.endsWith("_budget") ? "（超预算执行，且未填调整后预算）" : "")
                                + "。请在情况说明中说明原因。").withValues(null, rate));
            }
        }
    }

    /**
     * An amount ≥ 100 × the same line's figure of another period (budget, final or last year's), or a spending line
     * larger than the whole; one finding per cell.
     */
    private static void unitScale(Checked c, List<Finding> findings) {
        BigDecimal factor = c.framework.checkParameters().unitScaleFactor();
        java.util.Set<String> flagged = new java.util.HashSet<>();
        for (FieldDef field : c.framework.fields()) {
            if (field.type() != FieldType.AMOUNT || field.period().isEmpty()) {
                continue;
            }
            Optional<BigDecimal> value = c.number(field.id());
            for (String period : List.of("prior", "budget", "final")) {
                String other = field.stem() + "_" + period;
                Optional<BigDecimal> reference = other.equals(field.id()) ? Optional.empty() : c.number(other);
                if (value.isPresent() && reference.isPresent() && reference.get().signum() > 0
                        && value.get().compareTo(reference.get().multiply(factor)) >= 0 && flagged.add(field.id())) {
                    findings.add(scale(c, field.id(), value.get(), "是" + c.label(other) + " " + c.shown(other, reference.get())
                            + " 的 " + Figures.count(value.get().divide(reference.get(), 0, RoundingMode.DOWN)) + " 倍"));
                }
            }
        }
        Optional<BigDecimal> whole = c.number("exp_total_final");
        if (whole.isEmpty() || whole.get().signum() <= 0) {
            return;
        }
        for (String line : List.of("exp_basic_final", "exp_personnel_final", "exp_public_final", "exp_project_final", "sangong_total_final")) {
            c.number(line).filter(v -> v.compareTo(whole.get()) > 0 && flagged.add(line)).ifPresent(v -> findings.add(scale(c, line, v,
                    "大于本年支出合计 " + Figures.amount(whole.get()))));
        }
        for (String column : List.of("proj_final", "func_final")) {
            TableDef table = c.framework.tableOf(column).orElseThrow();
            for (TableRow row : c.read.values().rows(table.id())) {
                row.number(column).filter(v -> v.compareTo(whole.get()) > 0).ifPresent(v -> findings.add(scale(c,
                        column + "[" + row.index() + "]", v, "大于本年支出合计 " + Figures.amount(whole.get()))));
            }
        }
    }

    private static Finding scale(Checked c, String id, BigDecimal value, String why) {
        BigDecimal inTenThousands = value.divide(BigDecimal.valueOf(10_000));
        return c.finding(FindingCode.C12, Severity.ERROR, List.of(id), Figures.amount(inTenThousands), Figures.amount(value),
                c.label(id) + " " + Figures.amount(value) + "，" + why + "，疑似按元填报。金额单位为万元，请核对（"
                        + Figures.amount(value) + " 元 = " + Figures.amount(inTenThousands) + " 万元）。").withValues(inTenThousands, value);
    }
}
