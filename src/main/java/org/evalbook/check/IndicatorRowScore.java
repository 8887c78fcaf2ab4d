package org.evalbook.check;

import java.math.BigDecimal;
import java.util.Optional;
import org.evalbook.framework.OperatorKind;

/**
 * One indicator row of a project recomputed.
 *
 * @param index    the row's position in the issued range, from 1
 * @param kind     how it was scored: its 指标性质, or its level's direction; empty when the 指标性质 is not one the form
 *                 allows (the row then scores 0)
 * @param ratio    the ratio its rule compared, 4 decimals (actual/target for ≥, target/actual for ≤, |Δ|/target for =);
 *                 empty for 定性, 不适用 or when it cannot be computed
 * @param score    2 decimals; 0 for a row that cannot be computed; the unit's own score, kept inside its declared band,
 *                 for 定性; empty for 不适用
 * @param problem  why the row could not be scored as written ("" when it could)
 */
public record IndicatorRowScore(int index, Optional<OperatorKind> kind, Optional<BigDecimal> ratio, Optional<BigDecimal> score,
                                String problem) {
    public boolean applicable() {
        return score.isPresent();
    }
}
