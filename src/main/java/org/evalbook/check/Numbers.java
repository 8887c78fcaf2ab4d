package org.evalbook.check;

import java.math.BigDecimal;

/** How decimals read in notes and messages. */
final class Numbers {
    private Numbers() {
    }

    /** 399.7600 → 399.76, 5.00 → 5. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A fraction as a percentage without needless decimals: 0.9 → 90%. */
    static String plainPercent(BigDecimal fraction) {
        return plain(fraction.movePointRight(2)) + "%";
    }

    /** A fraction as a percentage with 2 decimals: 0.7143 → 71.43%. */
    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
