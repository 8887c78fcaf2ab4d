package org.evalbook.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated framework: its fields, tables, indicator catalogue, checks and scoring profiles.
 *
 * @param periods  period key ({@code final}) → label (决算数), in file order
 * @param fields   every scalar field with its periods expanded ({@code exp_total_final}), in contract order
 * @param profiles by id, in file-name order
 * @param functionCodes the 支出功能分类 codes the checks know (C20)
 * @param narrative how report text is matched to the table (C17)
 * @param roles    the fields the fixed checks look at (C09, C10, C12, C20, 情况说明)
 * @param sheets   the sheets of the issued workbook, in order (meta, written by evalbook, not among them)
 */
public record Framework(String id, String name, String version, String basis, Map<String, String> periods,
                        List<GradeBand> grades, List<FieldDef> fields, List<TableDef> tables,
                        List<Indicator> indicators, List<JudgementLevel> judgementLevels, List<SumCheck> sums,
                        CheckParameters checkParameters, Map<String, Profile> profiles,
                        List<FunctionCode> functionCodes, NarrativeRules narrative, FieldRoles roles,
                        List<SheetDef> sheets) implements AnyFramework {
    public Framework {
        periods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(periods));
        grades = List.copyOf(grades);
        fields = List.copyOf(fields);
        tables = List.copyOf(tables);
        indicators = List.copyOf(indicators);
        judgementLevels = List.copyOf(judgementLevels);
        sums = List.copyOf(sums);
        profiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
        functionCodes = List.copyOf(functionCodes);
        sheets = List.copyOf(sheets);
    }

    public Optional<Profile> profile(String profileId) {
        return Optional.ofNullable(profiles.get(profileId));
    }

    public Optional<Indicator> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.id().equals(indicatorId)).findFirst();
    }

    /** A scalar field or a table column. */
    public Optional<FieldDef> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst()
                .or(() -> column(fieldId));
    }

    public Optional<FieldDef> column(String columnId) {
        return tables.stream().flatMap(t -> t.columns().stream()).filter(c -> c.id().equals(columnId)).findFirst();
    }

    public Optional<TableDef> table(String tableId) {
        return tables.stream().filter(t -> t.id().equals(tableId)).findFirst();
    }

    /** The table a column belongs to. */
    public Optional<TableDef> tableOf(String columnId) {
        return tables.stream().filter(t -> t.columns().stream().anyMatch(c -> c.id().equals(columnId))).findFirst();
    }

    /** The grade of a total, on the total rounded to 2 decimals. */
    public String gradeFor(BigDecimal total) {
        BigDecimal rounded = total.setScale(2, RoundingMode.HALF_UP);
        return grades.stream().filter(g -> rounded.compareTo(g.atLeast()) >= 0).findFirst()
                .orElse(grades.get(grades.size() - 1)).grade();
    }

    public Optional<FunctionCode> functionCode(String code) {
        return functionCodes.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public Optional<JudgementLevel> judgementLevel(String level) {
        return judgementLevels.stream().filter(l -> l.level().equals(level)).findFirst();
    }
}
