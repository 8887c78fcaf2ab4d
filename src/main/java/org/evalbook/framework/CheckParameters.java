package org.evalbook.framework;

import java.math.BigDecimal;

/**
 * The tunable parameters of the reconciliation checks ({@code checks.yaml}); ratios are fractions.
 *
 * @param roundingPerTwoParts 尾差 allowance per two parts of a sum (万元)
 * @param executionFrom       C10: the lowest execution rate that needs no explanation
 * @param executionTo         C10: the highest
 * @param unitScaleFactor     C12: how many times the comparison figure an amount must be to look like 元
 * @param rateFrom            C21: the lowest plausible rate
 * @param rateTo              C21: the highest plausible rate
 * @param scoreTolerance      C14: how far a self-score may be from the recomputed one
 */
public record CheckParameters(BigDecimal roundingPerTwoParts, BigDecimal executionFrom, BigDecimal executionTo,
                              BigDecimal unitScaleFactor, BigDecimal rateFrom, BigDecimal rateTo,
                              BigDecimal scoreTolerance) {
}
