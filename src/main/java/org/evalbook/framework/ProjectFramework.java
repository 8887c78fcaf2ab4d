package org.evalbook.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated framework of the project form (项目支出绩效自评表): one sheet per project, each carrying the same
 * sheet-scoped names; the unit's fields are workbook-scoped as in the 部门整体支出 workbook.
 *
 * @param periods         the funds columns, key ({@code exec}) → label (全年执行数), in file order
 * @param unitFields      the workbook-scoped fields (group 单位信息)
 * @param projectFields   the sheet-scoped fields of every project sheet, periods expanded, in contract order
 * @param indicatorTable  the sheet-scoped indicator table (columns pi_…)
 * @param levels          the 一级 levels in the form's order
 * @param operators       the 指标性质 a unit may write
 * @param overTarget      a ≥ indicator achieving more than this multiple of its target is flagged (1.2)
 * @param sums            identities checked on every project sheet
 * @param profiles        by id, in file order
 */
public record ProjectFramework(String id, String name, String version, String basis, Map<String, String> periods,
                               List<GradeBand> grades, List<FieldDef> unitFields, List<FieldDef> projectFields,
                               TableDef indicatorTable, ExecutionRate execution, List<IndicatorLevel> levels,
                               List<Operator> operators, List<JudgementLevel> judgementLevels, BigDecimal overTarget,
                               List<SumCheck> sums, BigDecimal roundingPerTwoParts, BigDecimal scoreTolerance,
                               Map<String, ProjectProfile> profiles) implements AnyFramework {
    public ProjectFramework {
        periods = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(periods));
        grades = List.copyOf(grades);
        unitFields = List.copyOf(unitFields);
        projectFields = List.copyOf(projectFields);
        levels = List.copyOf(levels);
        operators = List.copyOf(operators);
        judgementLevels = List.copyOf(judgementLevels);
        sums = List.copyOf(sums);
        profiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    public Optional<ProjectProfile> profile(String profileId) {
        return Optional.ofNullable(profiles.get(profileId));
    }

    /** The profile a return names, else {@code default}, else the first. */
    public ProjectProfile profileOrDefault(String profileId) {
        return profile(profileId == null ? "" : profileId).or(() -> profile("default"))
                .orElse(profiles.values().iterator().next());
    }

    /** A unit, project or table-column field by id. */
    public Optional<FieldDef> field(String fieldId) {
        return java.util.stream.Stream.of(unitFields.stream(), projectFields.stream(), indicatorTable.columns().stream())
                .flatMap(s -> s).filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** What a written 指标性质 means, or empty when it is none the form allows. */
    public Optional<Operator> operator(String written) {
        String w = written == null ? "" : written.strip();
        return operators.stream().filter(o -> o.matches(w)).findFirst();
    }

    /** The level a written 一级指标 names (产出 or 产出指标), or empty. */
    public Optional<IndicatorLevel> level(String written) {
        return written == null ? Optional.empty() : levels.stream().filter(l -> l.isCalled(written)).findFirst();
    }

    public Optional<JudgementLevel> judgementLevel(String written) {
        String w = written == null ? "" : written.strip();
        return judgementLevels.stream().filter(l -> l.level().equals(w)).findFirst();
    }

    /** The grade of a total, on the total rounded to 2 decimals. */
    public String gradeFor(BigDecimal total) {
        BigDecimal rounded = total.setScale(2, RoundingMode.HALF_UP);
        return grades.stream().filter(g -> rounded.compareTo(g.atLeast()) >= 0).findFirst()
                .orElse(grades.get(grades.size() - 1)).grade();
    }
}
