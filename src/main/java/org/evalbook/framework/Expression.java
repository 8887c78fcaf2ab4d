package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sum of signed terms, the formula language of {@code indicators.yaml} and {@code checks.yaml}:
 * {@code carry_begin + exp_total_budget - carry_end}, {@code sum(proj_final where proj_key = 是)},
 * {@code count(task where task_key = 是 and task_actual >= task_planned)}.
 *
 * @param text  the formula as written in the framework file
 * @param terms the terms, in order
 */
public record Expression(String text, List<Term> terms) {
    public Expression {
        terms = List.copyOf(terms);
    }

    /** Every field id and column id the expression reads. */
    public Set<String> inputs() {
        Set<String> inputs = new LinkedHashSet<>();
        for (Term term : terms) {
            inputs.addAll(term.operand().inputs());
        }
        return inputs;
    }

    /** A term: {@code sign} is +1 or -1. */
    public record Term(int sign, Operand operand) {
    }

    /** What a term adds up. */
    public sealed interface Operand permits FieldRef, ColumnSum, RowCount {
        Set<String> inputs();
    }

    /** A scalar field. */
    public record FieldRef(String field) implements Operand {
        @Override
        public Set<String> inputs() {
            return Set.of(field);
        }
    }

    /** The sum of a column over the rows that meet the condition (all rows when none). */
    public record ColumnSum(String column, Optional<Condition> where) implements Operand {
        @Override
        public Set<String> inputs() {
            Set<String> inputs = new LinkedHashSet<>();
            inputs.add(column);
            where.ifPresent(condition -> inputs.addAll(condition.inputs()));
            return inputs;
        }
    }

    /** The number of a table's rows that meet the condition. */
    public record RowCount(String table, Optional<Condition> where) implements Operand {
        @Override
        public Set<String> inputs() {
            return where.map(Condition::inputs).orElse(Set.of());
        }
    }

    /** Comparisons joined by {@code and}. */
    public record Condition(List<Comparison> comparisons) {
        public Condition {
            comparisons = List.copyOf(comparisons);
        }

        public Set<String> inputs() {
            Set<String> inputs = new LinkedHashSet<>();
            for (Comparison comparison : comparisons) {
                inputs.add(comparison.column());
                if (comparison.right() instanceof ColumnValue column) {
                    inputs.add(column.column());
                }
            }
            return inputs;
        }
    }

    /** {@code column op right}. */
    public record Comparison(String column, Comparator op, Value right) {
    }

    /** The comparison operators. */
    public enum Comparator {
        EQ("="), GE(">="), GT(">"), LE("<="), LT("<");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The right-hand side of a comparison. */
    public sealed interface Value permits TextValue, NumberValue, ColumnValue {
    }

    /** A text literal such as 是. */
    public record TextValue(String text) implements Value {
    }

    /** A number literal. */
    public record NumberValue(BigDecimal number) implements Value {
    }

    /** Another column of the same row. */
    public record ColumnValue(String column) implements Value {
    }
}
