package org.evalbook.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How decimals read in messages, labels and formulas: the one place every stage formats a BigDecimal. */
public final class Decimals {
    private Decimals() {
    }

    /** Without needless zeros and never in exponent form: 399.7600 → 399.76, 5.00 → 5, 1E+2 → 100. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage without needless decimals: 0.9 → 90%, 0.075 → 7.5%. */
    public static String plainPercent(BigDecimal fraction) {
        return plain(fraction.movePointRight(2)) + "%";
    }

    /** A fraction as a percentage with 2 decimals: 0.7143 → 71.43%. */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** The decimal a person typed into a cell stored as a double: the shortest text giving that double back (399.77). */
    public static BigDecimal ofDouble(double value) {
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
