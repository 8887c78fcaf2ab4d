package org.evalbook.consolidate;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Q1, median and Q3 of a column by the estimator of Excel's QUARTILE / QUARTILE.INC and MEDIAN (Hyndman–Fan type 7,
 * {@link EstimationType#R_7}): position {@code (n − 1)·p + 1} in the sorted values, interpolated linearly. Commons
 * Math's default estimator is a different one, which is why it is named here.
 */
record Quartiles(double q1, double median, double q3) {
    private static final double FENCE_FACTOR = 1.5;

    /** {@code values} must not be empty. */
    static Quartiles of(double[] values) {
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(values);
        return new Quartiles(percentile.evaluate(25), percentile.evaluate(50), percentile.evaluate(75));
    }

    /** Q1 − 1.5·IQR, in the order of operations of the Excel formula a clerk would write to check it. */
    double lowerFence() {
        return q1 - FENCE_FACTOR * (q3 - q1);
    }

    /** Q3 + 1.5·IQR. */
    double upperFence() {
        return q3 + FENCE_FACTOR * (q3 - q1);
    }
}
