package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the fixed checks of code (C09, C10, C12, C20 and the 情况说明) look at, as {@code checks.yaml} declares it:
 * the role each named field plays. A block left out of the file means its check is not made.
 */
public record FieldRoles(Optional<Staffing> staffing, Optional<ExecutionRate> executionRate,
                         Optional<UnitScale> unitScale, Optional<CodeColumns> functionCodes,
                         Optional<ExplanationColumns> explanations) {

    /** C09: a headcount that should not exceed another. */
    public record Staffing(String actual, String authorized) {
    }

    /**
     * C10: each money line's {@code <line>_<actual>} against the first filled of {@code <line>_<against>}.
     *
     * @param from the lowest rate that needs no explanation (a fraction)
     * @param to   the highest
     */
    public record ExecutionRate(BigDecimal from, BigDecimal to, List<String> lines, String actual, List<String> against) {
        public ExecutionRate {
            lines = List.copyOf(lines);
            against = List.copyOf(against);
        }
    }

    /**
     * C12: an amount {@code factor} times another period's figure of its line, or a part larger than the whole.
     *
     * @param comparePeriods the periods of a money line an amount is compared with
     * @param whole          the amount no part may exceed
     * @param parts          scalar amounts compared with the whole
     * @param columns        table columns whose every cell is compared with the whole
     */
    public record UnitScale(BigDecimal factor, List<String> comparePeriods, String whole, List<String> parts,
                            List<String> columns) {
        public UnitScale {
            comparePeriods = List.copyOf(comparePeriods);
            parts = List.copyOf(parts);
            columns = List.copyOf(columns);
        }
    }

    /** C20: the table listing 支出功能分类 codes and its code and name columns. */
    public record CodeColumns(String table, String code, String name) {
    }

    /** The 情况说明 table: what a row refers to (a code, field or label) and the unit's explanation. */
    public record ExplanationColumns(String table, String refersTo, String text) {
    }
}
