package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the blocks of {@code checks.yaml} that give fields a role in a fixed check (staffing, execution_rate,
 * unit_scale, function_codes, explanations) into {@link FieldRoles}, refusing an id that is not in fields.yaml or a
 * field of a type the check cannot read — so the check can never meet a field it does not understand.
 */
final class RolesBuilder {
    private static final String FILE = ChecksBuilder.FILE;
    private static final Set<FieldType> COUNTS = Set.of(FieldType.INTEGER, FieldType.NUMBER);
    private static final Set<FieldType> AMOUNTS = Set.of(FieldType.AMOUNT);
    private static final Set<FieldType> TEXTS = Set.of(FieldType.TEXT, FieldType.LONGTEXT);

    private final List<FieldDef> fields;
    private final List<TableDef> tables;
    private final Map<String, String> periods;
    private final Problems problems;

    RolesBuilder(List<FieldDef> fields, List<TableDef> tables, Map<String, String> periods, Problems problems) {
        this.fields = fields;
        this.tables = tables;
        this.periods = periods;
        this.problems = problems;
    }

    FieldRoles build(RawFiles.Checks raw) {
        return new FieldRoles(Optional.ofNullable(raw.staffing()).flatMap(this::staffing),
                Optional.ofNullable(raw.executionRate()).flatMap(this::executionRate),
                Optional.ofNullable(raw.unitScale()).flatMap(this::unitScale),
                Optional.ofNullable(raw.functionCodes()).flatMap(this::functionCodes),
                Optional.ofNullable(raw.explanations()).flatMap(this::explanations));
    }

    private Optional<FieldRoles.Staffing> staffing(RawFiles.Staffing raw) {
        int before = problems.size();
        scalar("staffing.actual", raw.actual(), COUNTS, "人数（integer 或 number）");
        scalar("staffing.authorized", raw.authorized(), COUNTS, "人数（integer 或 number）");
        return problems.size() > before ? Optional.empty() : Optional.of(new FieldRoles.Staffing(raw.actual(), raw.authorized()));
    }

    private Optional<FieldRoles.ExecutionRate> executionRate(RawFiles.ExecutionRate raw) {
        int before = problems.size();
        Optional<BigDecimal> from = percent("execution_rate.from", raw.from());
        Optional<BigDecimal> to = percent("execution_rate.to", raw.to());
        List<String> linePeriods = new ArrayList<>();
        if (raw.actual() == null || raw.against() == null || raw.against().isEmpty()) {
            problems.add(FILE, "execution_rate", "缺少 actual 或 against", "请写明执行数和预算数的期间，如 actual: final、against: [adjusted, budget]");
        } else {
            linePeriods.add(raw.actual());
            linePeriods.addAll(raw.against());
        }
        if (raw.lines() == null || raw.lines().isEmpty()) {
            problems.add(FILE, "execution_rate", "缺少 lines", "请列出要核对执行率的金额行（字段代码主干），如 lines: [exp_total]");
        }
        for (String period : linePeriods) {
            if (!periods.containsKey(period)) {
                problems.add(FILE, "execution_rate", "未知期间 " + period, "期间只能是 " + String.join("、", periods.keySet()));
                continue;
            }
            for (String line : FieldsBuilder.orEmpty(raw.lines())) {
                scalar("execution_rate.lines", line + "_" + period, AMOUNTS, "分期间的金额行（amount，含期间 " + period + "）");
            }
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new FieldRoles.ExecutionRate(from.get(), to.get(), raw.lines(), raw.actual(), raw.against()));
    }

    private Optional<FieldRoles.UnitScale> unitScale(RawFiles.UnitScale raw) {
        int before = problems.size();
        if (raw.factor() == null || raw.factor().signum() <= 0 || raw.whole() == null) {
            problems.add(FILE, "unit_scale", "缺少 factor 或 whole（factor 须大于 0）", "请写明倍数和整体金额，如 factor: 100、whole: exp_total_final");
        } else {
            scalar("unit_scale.whole", raw.whole(), AMOUNTS, "金额（amount）");
        }
        FieldsBuilder.orEmpty(raw.comparePeriods()).stream().filter(p -> !periods.containsKey(p)).forEach(p -> problems.add(FILE,
                "unit_scale.compare_periods", "未知期间 " + p, "期间只能是 " + String.join("、", periods.keySet())));
        FieldsBuilder.orEmpty(raw.parts()).forEach(part -> scalar("unit_scale.parts", part, AMOUNTS, "金额（amount）"));
        for (String column : FieldsBuilder.orEmpty(raw.columns())) {
            Optional<TableDef> table = tables.stream().filter(t -> t.columns().stream().anyMatch(c -> c.id().equals(column))).findFirst();
            if (table.isEmpty()) {
                problems.add(FILE, "unit_scale.columns", "列 " + column + " 不在 fields.yaml 的任何表中", "请改用 fields.yaml 中表格列的代码");
            } else {
                column("unit_scale.columns", table.get(), column, AMOUNTS, "金额（amount）");
            }
        }
        return problems.size() > before ? Optional.empty() : Optional.of(new FieldRoles.UnitScale(raw.factor(),
                FieldsBuilder.orEmpty(raw.comparePeriods()), raw.whole(), FieldsBuilder.orEmpty(raw.parts()), FieldsBuilder.orEmpty(raw.columns())));
    }

    private Optional<FieldRoles.CodeColumns> functionCodes(RawFiles.FunctionCodes raw) {
        int before = problems.size();
        table("function_codes.table", raw.table()).ifPresent(table -> {
            column("function_codes.code", table, raw.code(), TEXTS, "文本（text）");
            column("function_codes.name", table, raw.name(), TEXTS, "文本（text）");
        });
        return problems.size() > before ? Optional.empty() : Optional.of(new FieldRoles.CodeColumns(raw.table(), raw.code(), raw.name()));
    }

    private Optional<FieldRoles.ExplanationColumns> explanations(RawFiles.Explanations raw) {
        int before = problems.size();
        table("explanations.table", raw.table()).ifPresent(table -> {
            column("explanations.refers_to", table, raw.refersTo(), TEXTS, "文本（text）");
            column("explanations.text", table, raw.text(), TEXTS, "文本（text）");
        });
        return problems.size() > before ? Optional.empty()
                : Optional.of(new FieldRoles.ExplanationColumns(raw.table(), raw.refersTo(), raw.text()));
    }

    private void scalar(String entry, String id, Set<FieldType> types, String wanted) {
        Optional<FieldDef> field = fields.stream().filter(f -> f.id().equals(id)).findFirst();
        if (field.isEmpty()) {
            problems.add(FILE, entry, "字段 " + id + " 不在 fields.yaml 中", "请改用 fields.yaml 中已定义的字段代码");
        } else {
            type(entry, field.get(), types, wanted);
        }
    }

    private Optional<TableDef> table(String entry, String id) {
        Optional<TableDef> table = tables.stream().filter(t -> t.id().equals(id)).findFirst();
        if (table.isEmpty()) {
            problems.add(FILE, entry, "表 " + id + " 不在 fields.yaml 中", "请改用 fields.yaml 中 tables 下的表代码："
                    + tables.stream().map(TableDef::id).collect(Collectors.joining("、")));
        }
        return table;
    }

    private void column(String entry, TableDef table, String id, Set<FieldType> types, String wanted) {
        Optional<FieldDef> column = table.columns().stream().filter(c -> c.id().equals(id)).findFirst();
        if (column.isEmpty()) {
            problems.add(FILE, entry, id + " 不是表 " + table.id() + " 的列", "请改用表 " + table.id() + " 的列代码："
                    + table.columns().stream().map(FieldDef::id).collect(Collectors.joining("、")));
        } else {
            type(entry, column.get(), types, wanted);
        }
    }

    private void type(String entry, FieldDef field, Set<FieldType> types, String wanted) {
        if (!types.contains(field.type())) {
            problems.add(FILE, entry, field.id() + " 的类型是" + field.type().label() + "，这里须是" + wanted,
                    "请改指合适的字段，或改正它在 fields.yaml 中的 type");
        }
    }

    private Optional<BigDecimal> percent(String entry, String text) {
        Optional<BigDecimal> value = Percent.parse(text);
        if (value.isEmpty()) {
            problems.add(FILE, entry, "应写成百分数，而不是 " + text, "例如 from: 90%");
        }
        return value;
    }
}
