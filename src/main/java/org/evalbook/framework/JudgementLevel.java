package org.evalbook.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A declared level of a judgement indicator and its band as fractions of the weight: [from, to), or
 * [from, to] when {@code toInclusive}.
 */
public record JudgementLevel(String level, BigDecimal from, BigDecimal to, boolean toInclusive) {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** The lowest score of the band for an indicator of this weight, in points (2 decimals). */
    public BigDecimal low(BigDecimal weight) {
        return weight.multiply(from).setScale(2, RoundingMode.HALF_UP);
    }

    /** The highest score of the band (an open upper end stops one cent below it). */
    public BigDecimal high(BigDecimal weight) {
        BigDecimal top = weight.multiply(to).setScale(2, RoundingMode.HALF_UP);
        return toInclusive ? top : top.subtract(CENT);
    }
}
