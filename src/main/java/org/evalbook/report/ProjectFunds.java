package org.evalbook.report;

import java.math.BigDecimal;
import java.util.Optional;
import org.evalbook.check.ProjectOutcome;

/**
 * The funds of many projects: each amount of {@link ProjectSheet#FUNDS} summed over the projects that gave it (a blank
 * is not 0), and the overall execution rate Σ 全年执行数 ÷ Σ 全年预算数 over the projects that gave both with a budget
 * above 0. One tally serves the 项目自评 sheet's 合计 and the 综述's paragraph, so the two never disagree.
 */
final class ProjectFunds {
    static final int FULL = 1;
    static final int EXEC = 2;

    private final BigDecimal[] sums = new BigDecimal[ProjectSheet.FUNDS.size()];
    private final int[] given = new int[ProjectSheet.FUNDS.size()];
    private BigDecimal executed = BigDecimal.ZERO;
    private BigDecimal budgeted = BigDecimal.ZERO;
    private int rated;

    void add(ProjectOutcome project) {
        for (int i = 0; i < sums.length; i++) {
            Optional<BigDecimal> amount = project.values().number(ProjectSheet.FUNDS.get(i));
            if (amount.isPresent()) {
                sums[i] = sums[i] == null ? amount.get() : sums[i].add(amount.get());
                given[i]++;
            }
        }
        Optional<BigDecimal> full = project.values().number(ProjectSheet.FUNDS.get(FULL));
        Optional<BigDecimal> exec = project.values().number(ProjectSheet.FUNDS.get(EXEC));
        if (full.isPresent() && exec.isPresent() && full.get().signum() > 0) {
            budgeted = budgeted.add(full.get());
            executed = executed.add(exec.get());
            rated++;
        }
    }

    /** The sum of amount {@code i} of {@link ProjectSheet#FUNDS}; empty when no project gave it. */
    Optional<BigDecimal> sum(int i) {
        return Optional.ofNullable(sums[i]);
    }

    /** How many projects gave amount {@code i}. */
    int given(int i) {
        return given[i];
    }

    /** The overall execution rate, 4 decimals; empty when no project gave both amounts. */
    Optional<BigDecimal> rate() {
        return rated == 0 ? Optional.empty() : Optional.of(KeyFigure.rate(executed, budgeted));
    }

    /** How many projects the rate is taken over. */
    int rated() {
        return rated;
    }
}
