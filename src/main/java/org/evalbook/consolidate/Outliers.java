package org.evalbook.consolidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The IQR rule (Tukey's fences) over one column: a value below Q1 − 1.5·IQR is 偏低, one above Q3 + 1.5·IQR is 偏高,
 * with the quartiles of {@link ColumnStatistics}. A value exactly on a fence is not an outlier.
 *
 * <p>Two consequences a reader of the consolidated workbook should know. With fewer than four values nothing can lie
 * beyond the fences, so the rule flags nobody. When most units share one value (full marks, typically), Q1 = Q3, the
 * fences close on that value and every unit that differs from it is flagged: that is the rule, and it is what the
 * reviewer wants to see.
 *
 * <p>The comparison is made in doubles, as an Excel formula checking it would make it.
 */
public final class Outliers {
    /** Lowest value first, so the 偏低 come before the 偏高; equal values by unit, whatever the input order. */
    private static final Comparator<Outlier> ORDER = Comparator.comparing(Outlier::value).thenComparing(Outlier::unit);

    private Outliers() {
    }

    /** The outliers of a column (blanks already left out), lowest value first; empty for an empty column. */
    public static List<Outlier> find(List<UnitValue> column) {
        if (column.isEmpty()) {
            return List.of();
        }
        Quartiles quartiles = Quartiles.of(column.stream().mapToDouble(v -> v.value().doubleValue()).toArray());
        double lower = quartiles.lowerFence();
        double upper = quartiles.upperFence();
        List<Outlier> outliers = new ArrayList<>();
        for (UnitValue entry : column) {
            double value = entry.value().doubleValue();
            if (value < lower) {
                outliers.add(new Outlier(entry.unit(), entry.value(), Outlier.Side.LOW));
            } else if (value > upper) {
                outliers.add(new Outlier(entry.unit(), entry.value(), Outlier.Side.HIGH));
            }
        }
        outliers.sort(ORDER);
        return List.copyOf(outliers);
    }
}
