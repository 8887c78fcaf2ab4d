package org.evalbook.check;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evalbook.framework.Expression;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.TableRow;

/**
 * Reads a formula's inputs from a unit's values, noting every blank it meets. A blank input is named by its
 * field id, a blank table cell as {@code column[row]}, and a table with no rows by the column alone.
 */
final class Inputs {
    private final FrameworkIndex index;
    private final FieldValues values;
    private final Set<String> blanks = new LinkedHashSet<>();

    Inputs(Framework framework, FieldValues values) {
        this.index = FrameworkIndex.of(framework);
        this.values = values;
    }

    List<String> blanks() {
        return List.copyOf(blanks);
    }

    boolean anyBlank() {
        return !blanks.isEmpty();
    }

    /** The expression's value; meaningless when {@link #anyBlank()} afterwards. */
    BigDecimal evaluate(Expression expression) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Expression.Term term : expression.terms()) {
            BigDecimal value = operand(term.operand());
            sum = term.sign() < 0 ? sum.subtract(value) : sum.add(value);
        }
        return sum;
    }

    private BigDecimal operand(Expression.Operand operand) {
        if (operand instanceof Expression.FieldRef ref) {
            return scalar(ref.field());
        }
        if (operand instanceof Expression.ColumnSum sum) {
            BigDecimal total = BigDecimal.ZERO;
            for (TableRow row : rowsOf(tableOfColumn(sum.column()), sum.column())) {
                if (holds(sum.where(), row)) {
                    total = total.add(cell(row, sum.column()));
                }
            }
            return total;
        }
        Expression.RowCount count = (Expression.RowCount) operand;
        String firstColumn = index.table(count.table()).orElseThrow().columns().get(0).id();
        long n = rowsOf(count.table(), firstColumn).stream().filter(row -> holds(count.where(), row)).count();
        return BigDecimal.valueOf(n);
    }

    BigDecimal scalar(String field) {
        Optional<BigDecimal> value = values.number(field);
        if (value.isPresent()) {
            return value.get();
        }
        blanks.add(field);
        return BigDecimal.ZERO;
    }

    /** The table's rows; a table with no rows at all is blank, named by {@code column}. */
    List<TableRow> rowsOf(String tableId, String column) {
        List<TableRow> rows = values.rows(tableId);
        if (rows.isEmpty()) {
            blanks.add(column);
        }
        return rows;
    }

    BigDecimal cell(TableRow row, String column) {
        Optional<BigDecimal> value = row.number(column);
        if (value.isEmpty()) {
            blanks.add(column + "[" + row.index() + "]");
            return BigDecimal.ZERO;
        }
        return value.get();
    }

    /**
     * Whether the row meets the condition. Comparisons are read left to right and stop at the first that fails, so a
     * cell is only reported blank when it matters; a blank compared cell counts as not meeting the condition.
     */
    boolean holds(Optional<Expression.Condition> where, TableRow row) {
        if (where.isEmpty()) {
            return true;
        }
        for (Expression.Comparison comparison : where.get().comparisons()) {
            if (!compare(comparison, row)) {
                return false;
            }
        }
        return true;
    }

    private boolean compare(Expression.Comparison comparison, TableRow row) {
        if (comparison.right() instanceof Expression.TextValue text) {
            Optional<String> cell = row.text(comparison.column());
            if (cell.isEmpty()) {
                blanks.add(comparison.column() + "[" + row.index() + "]");
                return false;
            }
            boolean equal = cell.get().equals(text.text());
            return comparison.op() == Expression.Comparator.EQ ? equal : !equal;
        }
        BigDecimal left = cell(row, comparison.column());
        BigDecimal right = comparison.right() instanceof Expression.ColumnValue other
                ? cell(row, other.column()) : ((Expression.NumberValue) comparison.right()).number();
        int c = left.compareTo(right);
        return switch (comparison.op()) {
            case EQ -> c == 0;
            case GE -> c >= 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            case LT -> c < 0;
        };
    }

    private String tableOfColumn(String column) {
        return index.tableOf(column).orElseThrow().id();
    }
}
