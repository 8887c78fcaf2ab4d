package org.evalbook.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A unit's recomputed scores under one profile.
 *
 * @param total            Σ applicable scores / Σ applicable weights × 100, rounded to 2 decimals
 * @param grade            优 / 良 / 中 / 差 of the total
 * @param applicableWeight Σ weights of the indicators that apply (100 unless some were not applicable)
 */
public record ScoreSheet(String profileId, List<IndicatorScore> indicators, BigDecimal total, String grade,
                         BigDecimal applicableWeight) {
    public ScoreSheet {
        indicators = List.copyOf(indicators);
    }

    public Optional<IndicatorScore> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.indicatorId().equals(indicatorId)).findFirst();
    }
}
