package org.evalbook.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.evalbook.finding.Figures;
import org.evalbook.framework.Expression;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Formula;
import org.evalbook.framework.Framework;
import org.evalbook.framework.TableRow;

/** Computes a rate indicator's ratio from a unit's values, rounded to 4 decimals (0.01 %) as the rules require. */
final class RateCalculator {
    static final int RATE_SCALE = 4;

    private final Framework framework;
    private final FieldValues values;

    RateCalculator(Framework framework, FieldValues values) {
        this.framework = framework;
        this.values = values;
    }

    Rate compute(Formula formula) {
        if (formula instanceof Formula.Ratio ratio) {
            return ratio(ratio);
        }
        return mean((Formula.RowMean) formula);
    }

    private Rate ratio(Formula.Ratio ratio) {
        Inputs inputs = new Inputs(framework, values);
        BigDecimal numerator = inputs.evaluate(ratio.numerator());
        BigDecimal denominator = inputs.evaluate(ratio.denominator());
        if (inputs.anyBlank()) {
            return new Rate.Missing(inputs.blanks());
        }
        String working = Figures.of(unit(ratio.numerator()), numerator) + " / " + Figures.of(unit(ratio.denominator()), denominator);
        if (denominator.signum() == 0) {
            return numerator.signum() == 0 ? new Rate.ZeroOverZero(working) : new Rate.XOverZero(working);
        }
        BigDecimal rate = numerator.divide(denominator, RATE_SCALE, RoundingMode.HALF_UP);
        return new Rate.Value(rate, working + " = " + Figures.percent(rate));
    }

    /** The unit of an expression's figures: that of its first field (万元, 人 …); none for a count of rows. */
    private String unit(Expression expression) {
        return expression.terms().stream().map(Expression.Term::operand).findFirst()
                .map(o -> o instanceof Expression.FieldRef ref ? ref.field() : o instanceof Expression.ColumnSum sum ? sum.column() : "")
                .flatMap(FrameworkIndex.of(framework)::field).map(f -> f.unit()).orElse("");
    }

    private Rate mean(Formula.RowMean mean) {
        Inputs inputs = new Inputs(framework, values);
        BigDecimal sum = BigDecimal.ZERO;
        int counted = 0;
        for (TableRow row : inputs.rowsOf(mean.table(), mean.denominator())) {
            if (!inputs.holds(mean.rowsWhere(), row)) {
                continue;
            }
            BigDecimal denominator = inputs.cell(row, mean.denominator());
            if (denominator.signum() == 0) {
                continue;
            }
            BigDecimal numerator = inputs.cell(row, mean.numerator());
            sum = sum.add(numerator.divide(denominator, MathContext.DECIMAL128).min(mean.cap()));
            counted++;
        }
        if (inputs.anyBlank()) {
            return new Rate.Missing(inputs.blanks());
        }
        if (counted == 0) {
            return new Rate.ZeroOverZero("没有可计算的行");
        }
        BigDecimal rate = sum.divide(BigDecimal.valueOf(counted), RATE_SCALE, RoundingMode.HALF_UP);
        return new Rate.Value(rate, counted + " 行的平均值 = " + Figures.percent(rate));
    }
}
