package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns {@code fields.yaml} into field and table definitions, expanding periods. */
final class FieldsBuilder {
    static final String FILE = "fields.yaml";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, String> periods;
    private final Problems problems;
    private final UniqueIds ids;

    FieldsBuilder(Map<String, String> periods, Problems problems, UniqueIds ids) {
        this.periods = periods;
        this.problems = problems;
        this.ids = ids;
    }

    /** The sections of fields.yaml besides {@code groups:}: their key and the group their fields belong to. */
    enum Section {
        SELF("self_assessment", "自评"), COMPUTED("computed", "计算结果"), REPORT("report", "自评报告");

        private final String key;
        private final String group;

        Section(String key, String group) {
            this.key = key;
            this.group = group;
        }

        String key() {
            return key;
        }

        String group() {
            return group;
        }
    }

    List<FieldDef> scalars(RawFiles.Fields raw) {
        List<FieldDef> fields = new ArrayList<>();
        for (RawFiles.Group group : orEmpty(raw.groups())) {
            for (Section section : Section.values()) {
                if (section.group().equals(group.group())) {
                    problems.add(FILE, "分组 " + group.group(), "“" + group.group() + "”是 " + section.key() + " 部分的名称，不能用作分组名",
                            "请改用其他分组名，或把这些字段写在 " + section.key() + " 下");
                }
            }
            for (RawFiles.Field field : orEmpty(group.fields())) {
                fields.addAll(expand(field, group.group()));
            }
        }
        section(raw.selfAssessment(), Section.SELF.group(), fields);
        section(raw.computed(), Section.COMPUTED.group(), fields);
        section(raw.report(), Section.REPORT.group(), fields);
        return fields;
    }

    /** @param sheetOfTable the sheet placing each table (framework.yaml); a table no sheet places is refused there */
    List<TableDef> tables(RawFiles.Fields raw, Map<String, String> sheetOfTable) {
        List<TableDef> tables = new ArrayList<>();
        for (RawFiles.Table table : orEmpty(raw.tables())) {
            String entry = "表 " + table.id();
            if (table.id() == null || table.label() == null || table.columns() == null) {
                problems.add(FILE, entry, "缺少 id、label 或 columns", "请为每张表写明这三项");
                continue;
            }
            List<FieldDef> columns = new ArrayList<>();
            for (RawFiles.Field column : table.columns()) {
                if (column.periods() != null) {
                    problems.add(FILE, "列 " + column.id(), "表格列不能分期间", "请去掉 periods，或把各期间写成单独的列");
                }
                define(column, table.label(), column.label(), false).ifPresent(columns::add);
            }
            int minRows = table.minRows() == null ? 20 : table.minRows();
            String sheet = sheetOfTable.getOrDefault(table.id(), table.label());
            tables.add(new TableDef(table.id(), table.label(), sheet, minRows, Boolean.TRUE.equals(table.required()), columns));
        }
        return tables;
    }

    private void section(List<RawFiles.Field> raw, String group, List<FieldDef> into) {
        for (RawFiles.Field field : orEmpty(raw)) {
            define(field, group, field.label(), isRequired(field, null)).ifPresent(into::add);
        }
    }

    private List<FieldDef> expand(RawFiles.Field field, String group) {
        if (field.periods() == null) {
            return define(field, group, field.label(), isRequired(field, null)).stream().toList();
        }
        List<FieldDef> expanded = new ArrayList<>();
        for (String period : field.periods()) {
            String periodLabel = periods.get(period);
            if (periodLabel == null) {
                problems.add(FILE, "字段 " + field.id(), "未知期间 " + period,
                        "期间只能是 framework.yaml 中 periods 列出的 " + String.join("、", periods.keySet()));
                continue;
            }
            RawFiles.Field one = new RawFiles.Field(field.id() + "_" + period, field.label(), field.type(),
                    field.unit(), field.required(), field.prefilled(), field.blankInSums(), field.min(), field.max(),
                    field.options(), field.pattern(), null);
            define(one, group, periodLabel + "·" + field.label(), isRequired(field, period))
                    .map(f -> new FieldDef(f.id(), f.label(), f.group(), f.type(), f.unit(), f.required(), f.prefilled(),
                            f.blankInSums(), f.min(), f.max(), f.options(), f.pattern(), field.id(), Optional.of(period)))
                    .ifPresent(expanded::add);
        }
        return expanded;
    }

    private boolean isRequired(RawFiles.Field field, String period) {
        Object required = field.required();
        if (required instanceof Boolean flag) {
            return flag;
        }
        if (required instanceof Collection<?> requiredPeriods) {
            if (field.periods() == null || !field.periods().containsAll(requiredPeriods)) {
                problems.add(FILE, "字段 " + field.id(), "required 列出的期间 " + requiredPeriods + " 不在 periods 中",
                        "required 只能列该字段已有的期间");
            }
            return period != null && requiredPeriods.contains(period);
        }
        if (required != null) {
            problems.add(FILE, "字段 " + field.id(), "required 应为 true、false 或期间列表，而不是 " + required,
                    "请改为 required: true 或 required: [final]");
        }
        return false;
    }

    private Optional<FieldDef> define(RawFiles.Field field, String group, String label, boolean required) {
        String entry = "字段 " + field.id();
        if (field.id() == null || !ID.matcher(field.id()).matches()) {
            problems.add(FILE, entry, "字段代码应由小写字母、数字和下划线组成，并以字母开头", "请改正字段代码");
            return Optional.empty();
        }
        if (label == null || label.isBlank()) {
            problems.add(FILE, entry, "缺少中文名称 label", "请补上 label");
            return Optional.empty();
        }
        Optional<FieldType> type = type(field.type());
        if (type.isEmpty()) {
            problems.add(FILE, entry, "未知类型 " + field.type(),
                    "type 只能是 text、longtext、integer、number、amount、percent、date、choice");
            return Optional.empty();
        }
        if (type.get() == FieldType.CHOICE && (field.options() == null || field.options().isEmpty())) {
            problems.add(FILE, entry, "选项字段缺少 options", "请列出可选值，例如 options: [是, 否]");
        }
        if (field.blankInSums() != null && !field.blankInSums().equals("zero")) {
            problems.add(FILE, entry, "blank_in_sums 只能是 zero", "请改为 blank_in_sums: zero 或删去");
        }
        ids.claim(FILE, field.id());
        BigDecimal min = field.min() != null || type.get() != FieldType.AMOUNT ? field.min() : BigDecimal.ZERO;
        String unit = field.unit() != null ? field.unit() : type.get().defaultUnit();
        return Optional.of(new FieldDef(field.id(), label, group, type.get(), unit, required,
                Boolean.TRUE.equals(field.prefilled()), field.blankInSums() != null, Optional.ofNullable(min),
                Optional.ofNullable(field.max()), field.options() == null ? List.of() : field.options(),
                Optional.ofNullable(field.pattern()), field.id(), Optional.empty()));
    }

    private static Optional<FieldType> type(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FieldType.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
