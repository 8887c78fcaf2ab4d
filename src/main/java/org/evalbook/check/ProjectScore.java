package org.evalbook.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One project recomputed: its execution rate and score, each indicator's score, the total and the grade.
 *
 * @param executionRate  全年执行数 / 全年预算数, 4 decimals; empty when it cannot be computed
 * @param executionScore min(w, w × rate), 2 decimals (0 when the rate cannot be computed)
 * @param rows           every filled indicator row, in the sheet's order
 * @param droppedWeight  Σ weights of the rows marked 不适用
 * @param total          执行率得分 + Σ row scores, rescaled to 100 when rows were dropped; 2 decimals
 * @param profile        the id of the profile it was scored under
 */
public record ProjectScore(Optional<BigDecimal> executionRate, BigDecimal executionScore, List<IndicatorRowScore> rows,
                           BigDecimal droppedWeight, BigDecimal total, String grade, String profile) {
    public ProjectScore {
        rows = List.copyOf(rows);
    }

    /** 总分 as the form shows it: none while no indicator row is filled, so a fresh form gives no verdict. */
    public Optional<BigDecimal> shownTotal() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(total);
    }

    /** 等级 as the form shows it: blank while {@link #shownTotal()} is. */
    public String shownGrade() {
        return rows.isEmpty() ? "" : grade;
    }
}
