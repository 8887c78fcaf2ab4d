package org.evalbook.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a formula may use fields and tables: a scalar by itself, a table column only inside {@code sum(…)}, a table in
 * {@code count(…)}, and a {@code where} condition only on the columns of the table it filters. A formula that breaks
 * one would read blanks at check time and give a silently wrong figure, so it is refused at load.
 */
final class TableReferences {
    private final Set<String> scalars;
    private final Map<String, String> tableOfColumn = new LinkedHashMap<>();
    private final Set<String> tableIds;

    TableReferences(List<FieldDef> fields, List<TableDef> tables) {
        this.scalars = fields.stream().map(FieldDef::id).collect(Collectors.toSet());
        tables.forEach(t -> t.columns().forEach(c -> tableOfColumn.put(c.id(), t.id())));
        this.tableIds = tables.stream().map(TableDef::id).collect(Collectors.toSet());
    }

    boolean isScalar(String id) {
        return scalars.contains(id);
    }

    boolean isTable(String id) {
        return tableIds.contains(id);
    }

    Optional<String> tableOf(String column) {
        return Optional.ofNullable(tableOfColumn.get(column));
    }

    /** Records every misuse in {@code expression} as a problem of {@code entry} in {@code file}. */
    void check(String file, String entry, Expression expression, Problems problems) {
        for (Expression.Term term : expression.terms()) {
            if (term.operand() instanceof Expression.RowCount count) {
                if (!tableIds.contains(count.table())) {
                    problems.add(file, entry, "count 指向未知的表 " + count.table(), "请改用 fields.yaml 中 tables 下的表代码");
                } else {
                    count.where().ifPresent(where -> sameTable(file, entry, count.table(), where, problems));
                }
            } else if (term.operand() instanceof Expression.FieldRef ref && tableOfColumn.containsKey(ref.field())) {
                problems.add(file, entry, "表格列 " + ref.field() + " 不能直接参与计算", "请写成 sum(" + ref.field() + ")");
            } else if (term.operand() instanceof Expression.ColumnSum sum) {
                if (scalars.contains(sum.column())) {
                    problems.add(file, entry, "sum 只能用于表格列，" + sum.column() + " 不是表格列", "请直接写字段代码 " + sum.column());
                } else if (tableOfColumn.containsKey(sum.column())) {
                    sum.where().ifPresent(where -> sameTable(file, entry, tableOfColumn.get(sum.column()), where, problems));
                }
            }
        }
    }

    private void sameTable(String file, String entry, String table, Expression.Condition where, Problems problems) {
        where.inputs().stream().filter(c -> (scalars.contains(c) || tableOfColumn.containsKey(c)) && !table.equals(tableOfColumn.get(c)))
                .forEach(c -> problems.add(file, entry, "条件中的 " + c + " 不是表 " + table + " 的列",
                        "where 只能比较同一张表的列"));
    }
}
