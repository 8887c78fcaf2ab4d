package org.evalbook.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.IndicatorLevel;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.Operator;
import org.evalbook.framework.OperatorKind;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.framework.TableRow;

/**
 * Recomputes a project sheet (indicators.md §4) from its values alone, never from the file's formulas: every ratio
 * rounded to 4 decimals before it is scored, every score to 2, as the issued workbook's formulas do.
 */
public final class ProjectScorer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final ProjectFramework framework;
    private final ProjectProfile profile;

    public ProjectScorer(ProjectFramework framework, ProjectProfile profile) {
        this.framework = framework;
        this.profile = profile;
    }

    public ProjectScore score(FieldValues sheet) {
        Optional<BigDecimal> rate = executionRate(sheet);
        BigDecimal executionWeight = profile.execution();
        BigDecimal executionScore = rate.map(r -> score(executionWeight.multiply(r)).min(executionWeight)).orElse(score(BigDecimal.ZERO));
        List<IndicatorRowScore> rows = new ArrayList<>();
        BigDecimal dropped = BigDecimal.ZERO;
        BigDecimal sum = executionScore;
        for (TableRow row : sheet.rows(framework.indicatorTable().id())) {
            IndicatorRowScore scored = row(row);
            rows.add(scored);
            if (scored.applicable()) {
                sum = sum.add(scored.score().get());
            } else if (scored.kind().equals(Optional.of(OperatorKind.NOT_APPLICABLE))) {
                dropped = dropped.add(row.number("pi_weight").orElse(BigDecimal.ZERO));
            }
        }
        BigDecimal total = dropped.signum() > 0 && dropped.compareTo(HUNDRED) < 0
                ? score(sum.multiply(HUNDRED).divide(HUNDRED.subtract(dropped), 10, RoundingMode.HALF_UP)) : score(sum);
        return new ProjectScore(rate, executionScore, rows, dropped, total, framework.gradeFor(total), profile.id());
    }

    /** 全年执行数 / 全年预算数: empty when either is blank or the budget is 0 (nothing to execute against). */
    Optional<BigDecimal> executionRate(FieldValues sheet) {
        Optional<BigDecimal> executed = sheet.number(framework.execution().numerator());
        Optional<BigDecimal> budget = sheet.number(framework.execution().denominator());
        if (executed.isEmpty() || budget.isEmpty() || budget.get().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(ratio(executed.get(), budget.get()));
    }

    /** How a row is scored: its level's direction (满意度 is 正向) unless it is 定性 or 不适用, else its 指标性质. */
    Optional<OperatorKind> kind(TableRow row) {
        Optional<OperatorKind> written = framework.operator(row.text("pi_op").orElse("")).map(Operator::kind);
        if (written.isEmpty() || written.get() == OperatorKind.JUDGEMENT || written.get() == OperatorKind.NOT_APPLICABLE) {
            return written;
        }
        return framework.level(row.text("pi_level1").orElse(null)).flatMap(IndicatorLevel::direction).or(() -> written);
    }

    private IndicatorRowScore row(TableRow row) {
        Optional<OperatorKind> kind = kind(row);
        BigDecimal weight = row.number("pi_weight").orElse(BigDecimal.ZERO);
        if (kind.isEmpty()) {
            return new IndicatorRowScore(row.index(), kind, Optional.empty(), Optional.of(score(BigDecimal.ZERO)), "指标性质未填写或不是可选项");
        }
        return switch (kind.get()) {
            case NOT_APPLICABLE -> new IndicatorRowScore(row.index(), kind, Optional.empty(), Optional.empty(), "");
            case JUDGEMENT -> judgement(row, kind, weight);
            default -> quantitative(row, kind.get(), weight);
        };
    }

    private IndicatorRowScore judgement(TableRow row, Optional<OperatorKind> kind, BigDecimal weight) {
        Optional<JudgementLevel> level = framework.judgementLevel(row.text("pi_actual").orElse(null));
        Optional<BigDecimal> self = row.number("pi_self");
        if (level.isEmpty() || self.isEmpty()) {
            return new IndicatorRowScore(row.index(), kind, Optional.empty(), Optional.of(score(BigDecimal.ZERO)),
                    level.isEmpty() ? "定性指标的实际完成值应为达成、部分达成或未达成" : "定性指标没有自评得分");
        }
        BigDecimal kept = self.get().max(level.get().low(weight)).min(level.get().high(weight));
        return new IndicatorRowScore(row.index(), kind, Optional.empty(), Optional.of(score(kept)), "");
    }

    private IndicatorRowScore quantitative(TableRow row, OperatorKind kind, BigDecimal weight) {
        Optional<BigDecimal> target = row.number("pi_target");
        Optional<BigDecimal> actual = row.number("pi_actual");
        if (target.isEmpty() || actual.isEmpty()) {
            return new IndicatorRowScore(row.index(), Optional.of(kind), Optional.empty(), Optional.of(score(BigDecimal.ZERO)),
                    target.isEmpty() ? "年度指标值不是数字" : "实际完成值不是数字");
        }
        BigDecimal t = target.get();
        BigDecimal a = actual.get();
        return switch (kind) {
            case POSITIVE -> t.signum() <= 0 ? full(row, kind, weight)
                    : fraction(row, kind, weight, ratio(a, t), ratio(a, t).min(BigDecimal.ONE));
            case NEGATIVE -> a.signum() <= 0 ? full(row, kind, weight)
                    : fraction(row, kind, weight, ratio(t, a), ratio(t, a).min(BigDecimal.ONE));
            case EQUAL -> {
                if (t.signum() == 0) {
                    yield a.signum() == 0 ? full(row, kind, weight)
                            : new IndicatorRowScore(row.index(), Optional.of(kind), Optional.empty(), Optional.of(score(BigDecimal.ZERO)), "");
                }
                BigDecimal gap = ratio(a.subtract(t).abs(), t.abs());
                yield fraction(row, kind, weight, gap, BigDecimal.ONE.subtract(gap).max(BigDecimal.ZERO));
            }
            default -> throw new IllegalStateException(kind.name());
        };
    }

    private static IndicatorRowScore full(TableRow row, OperatorKind kind, BigDecimal weight) {
        return new IndicatorRowScore(row.index(), Optional.of(kind), Optional.empty(), Optional.of(score(weight)), "");
    }

    private static IndicatorRowScore fraction(TableRow row, OperatorKind kind, BigDecimal weight, BigDecimal ratio, BigDecimal share) {
        return new IndicatorRowScore(row.index(), Optional.of(kind), Optional.of(ratio), Optional.of(score(weight.multiply(share))), "");
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal score(BigDecimal points) {
        return points.setScale(2, RoundingMode.HALF_UP);
    }
}
