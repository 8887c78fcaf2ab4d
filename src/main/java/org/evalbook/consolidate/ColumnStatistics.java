package org.evalbook.consolidate;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Descriptive statistics of one column across units — one indicator's score, or one key figure — computed as Excel
 * computes them, so that a clerk who checks the consolidated workbook in Excel gets the same numbers: {@code mean} is
 * AVERAGE, {@code median} MEDIAN, {@code q1} and {@code q3} QUARTILE(…,1) and QUARTILE(…,3) (= QUARTILE.INC), {@code
 * standardDeviation} the sample STDEV (divisor n − 1), {@code min} and {@code max} MIN and MAX.
 *
 * <p>Every figure is in the column's own unit (points, 万元, a ratio). They are doubles on purpose: they describe how
 * units spread, as Excel does in doubles, and never feed back into a score or an amount, which stay exact decimals.
 * {@code count} is the number of units that gave a value; blanks are left out by the caller, never counted as zero.
 *
 * <p>By count: with no value there are no statistics ({@link #of} is empty). One value is its own mean, median,
 * quartiles, minimum and maximum, and has no standard deviation: Excel's STDEV is #DIV/0! there, and 0 would claim
 * that units agree when there is only one. From two values on everything is defined; with two, the median is their
 * mean and the quartiles lie a quarter of the way in from each end.
 *
 * @param label the column as the consolidated workbook names it, e.g. 预算执行率得分 or 本年支出合计（万元）
 */
public record ColumnStatistics(String label, int count, double mean, double median, OptionalDouble standardDeviation,
                               double q1, double q3, double min, double max) {

    public ColumnStatistics {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(standardDeviation, "standardDeviation");
        if (count < 1) {
            throw new IllegalArgumentException("statistics need at least one value, got count " + count);
        }
        if (standardDeviation.isPresent() != count >= 2) {
            throw new IllegalArgumentException("a standard deviation exists exactly when there are two values or more; count " + count);
        }
    }

    /** The statistics of the values given (blanks already left out), or empty when there are none. */
    public static Optional<ColumnStatistics> of(String label, Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        double[] data = values.stream()
                .mapToDouble(v -> Objects.requireNonNull(v, "a blank is left out of the column, never passed as a value").doubleValue())
                .toArray();
        Quartiles quartiles = Quartiles.of(data);
        OptionalDouble deviation = data.length < 2 ? OptionalDouble.empty() : OptionalDouble.of(new StandardDeviation(true).evaluate(data));
        return Optional.of(new ColumnStatistics(label, data.length, new Mean().evaluate(data), quartiles.median(), deviation,
                quartiles.q1(), quartiles.q3(), StatUtils.min(data), StatUtils.max(data)));
    }
}
