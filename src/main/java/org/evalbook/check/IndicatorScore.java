package org.evalbook.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One indicator as the engine scored it.
 *
 * @param weight      分值
 * @param outcome     how the score was reached
 * @param rate        the ratio, rounded to 4 decimals (a fraction: 0.7143 is 71.43 %), for a computed rate indicator
 * @param score       the points, rounded to 2 decimals; empty when not applicable
 * @param blankInputs the blank inputs that made it not computable: field ids, or {@code column[row]} for table cells
 * @param note        the working or the reason, in Chinese, for reports
 */
public record IndicatorScore(String indicatorId, String name, BigDecimal weight, Outcome outcome,
                             Optional<BigDecimal> rate, Optional<BigDecimal> score, List<String> blankInputs,
                             String note) {
    public IndicatorScore {
        blankInputs = List.copyOf(blankInputs);
    }
}
