package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.Optional;

/** Reads the percentages of the framework files ({@code 100%}, {@code 7.5%}) as exact fractions. */
final class Percent {
    private Percent() {
    }

    /** The fraction, or empty when the text is not a number followed by %. */
    static Optional<BigDecimal> parse(String text) {
        if (text == null || !text.strip().endsWith("%")) {
            return Optional.empty();
        }
        try {
            String number = text.strip().substring(0, text.strip().length() - 1).strip();
            return Optional.of(new BigDecimal(number).movePointLeft(2));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** How a fraction reads as a percentage: 1 → 100%, 0.075 → 7.5%. */
    static String format(BigDecimal fraction) {
        return Decimals.plainPercent(fraction);
    }
}
