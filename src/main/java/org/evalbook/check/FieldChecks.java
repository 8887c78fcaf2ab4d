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
import org.evalbook.framework.FieldRoles;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.TableDef;
import org.evalbook.framework.TableRow;

/**
 * C09 staffing, C10 execution rates, C12 unit scale (元 typed for 万元), on the fields checks.yaml gives these roles
 * (validated at load, so every id here is a field of the right type).
 */
final class FieldChecks {
    private FieldChecks() {
    }

    static List<Finding> run(Checked c) {
        List<Finding> findings = new ArrayList<>();
        FieldRoles roles = c.framework.roles();
        roles.staffing().ifPresent(staffing -> staffing(c, staffing, findings));
        roles.executionRate().ifPresent(rate -> execution(c, rate, findings));
        roles.unitScale().ifPresent(scale -> unitScale(c, scale, findings));
        return findings;
    }

    private static void staffing(Checked c, FieldRoles.Staffing staffing, List<Finding> findings) {
        String actualId = staffing.actual();
        String authorizedId = staffing.authorized();
        Optional<BigDecimal> actual = c.number(actualId);
        Optional<BigDecimal> authorized = c.number(authorizedId);
        if (actual.isPresent() && authorized.isPresent() && actual.get().compareTo(authorized.get()) > 0) {
            findings.add(c.finding(FindingCode.C09, Severity.WARNING, List.of(actualId, authorizedId),
                    "≤ " + c.shown(authorizedId, authorized.get()), c.shown(actualId, actual.get()), c.label(actualId) + " "
                            + c.shown(actualId, actual.get()) + " 人超过" + c.label(authorizedId) + " " + c.shown(authorizedId, authorized.get())
                            + " 人。请核对，属实的请在情况说明中说明原因。").withValues(authorized.get(), actual.get()));
        }
    }

    private static void execution(Checked c, FieldRoles.ExecutionRate execution, List<Finding> findings) {
        BigDecimal from = execution.from();
        BigDecimal to = execution.to();
        for (String line : execution.lines()) {
            String actualId = line + "_" + execution.actual();
            Optional<BigDecimal> actual = c.number(actualId);
            // The first of the `against` periods that is filled: 调整后预算数, else 年初预算数.
            String base = execution.against().stream().map(p -> line + "_" + p).filter(id -> c.number(id).isPresent()).findFirst()
                    .orElse(line + "_" + execution.against().get(execution.against().size() - 1));
            boolean fallback = !base.equals(line + "_" + execution.against().get(0));
            Optional<BigDecimal> budget = c.number(base);
            if (actual.isEmpty() || budget.isEmpty() || budget.get().signum() <= 0) {
                continue;
            }
            BigDecimal rate = actual.get().divide(budget.get(), 4, RoundingMode.HALF_UP);
            if (rate.compareTo(from) < 0 || rate.compareTo(to) > 0) {
                findings.add(c.finding(FindingCode.C10, Severity.WARNING, List.of(actualId, base),
                        Figures.percent(from) + "–" + Figures.percent(to), Figures.percent(rate),
                        c.label(actualId) + " " + c.shown(actualId, actual.get()) + " / " + c.label(base) + " "
                                + c.shown(base, budget.get()) + " = " + Figures.percent(rate) + "，超出 " + Figures.percent(from) + "–"
                                + Figures.percent(to) + (rate.compareTo(to) > 0 && fallback ? "（超预算执行，且未填"
                                + c.framework.periods().get(execution.against().get(0)).replaceAll("数$", "") + "）" : "")
                                + "。请在情况说明中说明原因。").withValues(null, rate));
            }
        }
    }

    /**
     * An amount ≥ factor × the same line's figure of another period (budget, final or last year's), or a spending line
     * larger than the whole; one finding per cell.
     */
    private static void unitScale(Checked c, FieldRoles.UnitScale scale, List<Finding> findings) {
        BigDecimal factor = scale.factor();
        java.util.Set<String> flagged = new java.util.HashSet<>();
        for (FieldDef field : c.framework.fields()) {
            if (field.type() != FieldType.AMOUNT || field.period().isEmpty()) {
                continue;
            }
            Optional<BigDecimal> value = c.number(field.id());
            for (String period : scale.comparePeriods()) {
                String other = field.stem() + "_" + period;
                Optional<BigDecimal> reference = other.equals(field.id()) || c.index().field(other).isEmpty()
                        ? Optional.empty() : c.number(other);
                if (value.isPresent() && reference.isPresent() && reference.get().signum() > 0
                        && value.get().compareTo(reference.get().multiply(factor)) >= 0 && flagged.add(field.id())) {
                    findings.add(scale(c, field.id(), value.get(), "是" + c.label(other) + " " + c.shown(other, reference.get())
                            + " 的 " + Figures.count(value.get().divide(reference.get(), 0, RoundingMode.DOWN)) + " 倍"));
                }
            }
        }
        Optional<BigDecimal> whole = c.number(scale.whole());
        if (whole.isEmpty() || whole.get().signum() <= 0) {
            return;
        }
        String wholeText = c.index().field(scale.whole()).map(FieldDef::lineLabel).orElseThrow() + " " + Figures.amount(whole.get());
        for (String line : scale.parts()) {
            c.number(line).filter(v -> v.compareTo(whole.get()) > 0 && flagged.add(line)).ifPresent(v -> findings.add(scale(c, line, v,
                    "大于" + wholeText)));
        }
        for (String column : scale.columns()) {
            TableDef table = c.index().tableOf(column).orElseThrow();
            for (TableRow row : c.read.values().rows(table.id())) {
                row.number(column).filter(v -> v.compareTo(whole.get()) > 0).ifPresent(v -> findings.add(scale(c,
                        column + "[" + row.index() + "]", v, "大于" + wholeText)));
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
