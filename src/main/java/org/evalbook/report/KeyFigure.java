package org.evalbook.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.evalbook.framework.Framework;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.ReportStyles.NumberFormat;

/**
 * The figures of a unit the consolidated workbook shows beside its score (汇总) and describes across units (统计分析):
 * amounts in 万元, headcounts, and the budget execution rate derived from two of them.
 */
enum KeyFigure {
    STAFF_AUTHORIZED("编制\n（人）", "staff_authorized", NumberFormat.WHOLE),
    STAFF_ACTUAL("在职\n（人）", "staff_actual", NumberFormat.WHOLE),
    INCOME("收入\n（万元）", "inc_total", NumberFormat.DECIMAL),
    EXPENDITURE("支出\n（万元）", "exp_total_final", NumberFormat.DECIMAL),
    BASIC("基本支出\n（万元）", "exp_basic_final", NumberFormat.DECIMAL),
    PROJECT("项目支出\n（万元）", "exp_project_final", NumberFormat.DECIMAL),
    SANGONG("“三公”经费\n（万元）", "sangong_total_final", NumberFormat.DECIMAL),
    /** 决算数 ÷ 调整后预算数 (else ÷ 年初预算数) of 本年支出合计: a ratio, so it is never summed. */
    EXECUTION_RATE("预算\n执行率", "", NumberFormat.PERCENT);

    static final String FINAL = "exp_total_final";
    private static final String ADJUSTED = "exp_total_adjusted";
    private static final String BUDGET = "exp_total_budget";
    /** Ratios are rounded to 4 decimals (0.01 %) throughout evalbook before anyone sees them. */
    private static final int RATE_SCALE = 4;

    private final String header;
    private final String fieldId;
    private final NumberFormat format;

    KeyFigure(String header, String fieldId, NumberFormat format) {
        this.header = header;
        this.fieldId = fieldId;
        this.format = format;
    }

    /** The 汇总 header, broken where a narrow printed column should break it. */
    String header() {
        return header;
    }

    NumberFormat format() {
        return format;
    }

    boolean summed() {
        return this != EXECUTION_RATE;
    }

    /** The figure's full name for 统计分析: the framework's own label (决算数·本年支出合计) with its unit. */
    String label(Framework framework) {
        if (this == EXECUTION_RATE) {
            return "预算执行率（本年支出合计决算数÷调整后预算数，无调整后预算数时÷年初预算数）";
        }
        return framework.field(fieldId).map(f -> f.unit().isEmpty() ? f.label() : f.label() + "（" + f.unit() + "）").orElse(header);
    }

    /** Every field a key figure is read from, the rate's three included. */
    static java.util.Set<String> fieldIds() {
        java.util.Set<String> ids = new java.util.HashSet<>(java.util.List.of(FINAL, ADJUSTED, BUDGET));
        for (KeyFigure figure : values()) {
            if (!figure.fieldId.isEmpty()) {
                ids.add(figure.fieldId);
            }
        }
        return ids;
    }

    /** The unit's value, absent when blank; the rate is absent when either side is blank or the budget is 0. */
    Optional<BigDecimal> of(CheckedReturn adopted) {
        if (this == EXECUTION_RATE) {
            return rateDenominator(adopted).flatMap(d -> adopted.figure(FINAL).map(f -> rate(f, d)));
        }
        return adopted.figure(fieldId);
    }

    /** The budget the rate divides by: the adjusted budget when given, else the initial one; absent when 0 or blank. */
    static Optional<BigDecimal> rateDenominator(CheckedReturn adopted) {
        return adopted.figure(ADJUSTED).or(() -> adopted.figure(BUDGET)).filter(d -> d.signum() != 0)
                .filter(d -> adopted.figure(FINAL).isPresent());
    }

    static BigDecimal rate(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, RATE_SCALE, RoundingMode.HALF_UP);
    }
}
