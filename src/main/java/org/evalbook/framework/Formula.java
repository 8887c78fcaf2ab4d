package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** How a rate indicator's ratio is computed from the fields. */
public sealed interface Formula permits Formula.Ratio, Formula.RowMean {

    /** Every field and column id the formula reads. */
    Set<String> inputs();

    /** {@code numerator / denominator}; any blank input makes the ratio not computable (a blank is never zero). */
    record Ratio(Expression numerator, Expression denominator) implements Formula {
        @Override
        public Set<String> inputs() {
            Set<String> inputs = new LinkedHashSet<>(numerator.inputs());
            inputs.addAll(denominator.inputs());
            return inputs;
        }
    }

    /**
     * The mean over a table's rows of {@code min(cap, numerator / denominator)}; rows whose denominator is 0,
     * or that fail {@code rowsWhere}, are left out.
     */
    record RowMean(String table, String numerator, String denominator, BigDecimal cap,
                   Optional<Expression.Condition> rowsWhere) implements Formula {
        @Override
        public Set<String> inputs() {
            Set<String> inputs = new LinkedHashSet<>();
            inputs.add(numerator);
            inputs.add(denominator);
            rowsWhere.ifPresent(condition -> inputs.addAll(condition.inputs()));
            return inputs;
        }
    }
}
