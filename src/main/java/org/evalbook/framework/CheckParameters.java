package org.evalbook.framework;

import java.math.BigDecimal;

/**
 * The tunable parameters of the reconciliation checks ({@code checks.yaml}); ratios are fractions. The parameters of
 * a check that looks at particular fields live with those fields, in {@link FieldRoles}.
 *
 * @param roundingPerTwoParts 尾差 allowance per two parts of a sum (万元)
 * @param rateFrom            C21: the lowest plausible rate
 * @param rateTo              C21: the highest plausible rate
 * @param scoreTolerance      C14: how far a self-score may be from the recomputed one
 */
public record CheckParameters(BigDecimal roundingPerTwoParts, BigDecimal rateFrom, BigDecimal rateTo,
                              BigDecimal scoreTolerance) {
}
