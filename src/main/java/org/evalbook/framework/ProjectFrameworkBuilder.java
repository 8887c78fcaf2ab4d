package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds and validates a framework of the project form. The code reads a project sheet by the contract ids of
 * fields-project.md; a framework that leaves one out, or whose levels, 指标性质, levels of judgement or weights the code
 * cannot honour, is refused here, with file, entry and fix — never at check time.
 */
final class ProjectFrameworkBuilder {
    static final String INDICATORS = "indicators.yaml";
    static final String UNIT_GROUP = "单位信息";
    static final String TABLE = "pi";
    static final String PROJECT_SHEET = "项目表";
    /** The names the code reads and writes on every project sheet (fields-project.md; a public contract). */
    static final List<String> PROJECT_IDS = List.of("pj_name", "pj_dept", "pj_unit", "pj_goal_expected", "pj_goal_actual",
            "pj_self_total", "pj_self_grade");
    static final List<String> COLUMN_IDS = List.of("pi_level1", "pi_level2", "pi_name", "pi_op", "pi_target", "pi_unit",
            "pi_actual", "pi_weight", "pi_self", "pi_reason");
    static final List<String> UNIT_IDS = List.of("unit_code", "unit_name", "fiscal_year", "contact_name", "contact_phone", "fill_date");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final YamlFiles files;
    private final RawFiles.Framework head;
    private final Problems problems = new Problems();

    ProjectFrameworkBuilder(YamlFiles files, RawFiles.Framework head) {
        this.files = files;
        this.head = head;
    }

    ProjectFramework build() {
        UniqueIds ids = new UniqueIds(problems);
        RawFiles.Fields rawFields = files.read(FieldsBuilder.FILE, RawFiles.Fields.class);
        FieldsBuilder fieldsBuilder = new FieldsBuilder(head.periods(), problems, ids);
        List<FieldDef> scalars = fieldsBuilder.scalars(rawFields);
        // The indicator table stands on every project sheet, whatever the unit names it.
        List<TableDef> tables = fieldsBuilder.tables(rawFields, Map.of(TABLE, PROJECT_SHEET));
        List<FieldDef> unitFields = scalars.stream().filter(f -> UNIT_GROUP.equals(f.group())).toList();
        List<FieldDef> projectFields = scalars.stream().filter(f -> !UNIT_GROUP.equals(f.group())).toList();
        requireIds(unitFields, UNIT_IDS, "分组 " + UNIT_GROUP, "工作簿级的单位信息字段");
        requireIds(projectFields, PROJECT_IDS, "项目表", "每张项目表上的字段");
        Optional<TableDef> table = tables.stream().filter(t -> t.id().equals(TABLE)).findFirst();
        if (table.isEmpty()) {
            problems.add(FieldsBuilder.FILE, "表格 " + TABLE, "缺少绩效指标表 " + TABLE, "请按 workbook-templates/project-self/fields.yaml 写出表格 pi 及其各列");
        } else {
            requireIds(table.get().columns(), COLUMN_IDS, "表格 " + TABLE, "绩效指标表的列");
        }
        tables.stream().filter(t -> !t.id().equals(TABLE)).forEach(t -> problems.add(FieldsBuilder.FILE, "表格 " + t.id(),
                "项目支出绩效自评表只有绩效指标表 " + TABLE + " 一张表格", "请删除表格 " + t.id() + "，或把其内容写成项目表上的字段"));

        RawProjectFiles.Indicators raw = files.read(INDICATORS, RawProjectFiles.Indicators.class);
        Set<String> known = new java.util.HashSet<>();
        scalars.forEach(f -> known.add(f.id()));
        ExecutionRate execution = execution(raw.execution(), known);
        List<IndicatorLevel> levels = levels(raw.levels());
        List<Operator> operators = operators(raw.operators());
        List<JudgementLevel> judgementLevels = judgementLevels(raw.judgementLevels());
        BigDecimal overTarget = Percent.parse(raw.overTarget() == null ? "" : raw.overTarget()).orElseGet(() -> {
            problems.add(INDICATORS, "over_target", "应写成百分数，而不是 " + raw.overTarget(), "例如 over_target: 120%");
            return BigDecimal.ONE;
        });

        RawProjectFiles.Checks checks = files.read(ChecksBuilder.FILE, RawProjectFiles.Checks.class);
        List<SumCheck> sums = new ChecksBuilder(scalars, tables, head.periods(), problems)
                .sums(new RawFiles.Checks(checks.sums(), null, null, null, null, null, null, null));
        RawProjectFiles.Parameters parameters = checks.parameters();
        if (parameters == null || parameters.roundingPerTwoParts() == null || parameters.scoreTolerance() == null) {
            problems.add(ChecksBuilder.FILE, "parameters", "缺少核对参数", "请写明 rounding_per_two_parts 和 score_tolerance");
        }
        Map<String, ProjectProfile> profiles = new LinkedHashMap<>();
        for (String profileId : head.profiles()) {
            String file = "profiles/" + profileId + ".yaml";
            profile(file, profileId, files.read(file, RawProjectFiles.Profile.class), levels).ifPresent(p -> profiles.put(p.id(), p));
        }
        if (head.profiles().isEmpty()) {
            problems.add("framework.yaml", "profiles", "没有评分方案", "请至少列出一个方案，如 profiles: [default]");
        }
        problems.throwIfAny();
        List<GradeBand> grades = head.grades().stream()
                .map(g -> new GradeBand(g.grade(), g.atLeast() == null ? BigDecimal.ZERO : g.atLeast())).toList();
        return new ProjectFramework(head.id(), head.name(), head.version(), head.basis() == null ? "" : head.basis(),
                head.periods(), grades, unitFields, projectFields, table.orElseThrow(), execution, levels, operators,
                judgementLevels, overTarget, sums, parameters.roundingPerTwoParts(), parameters.scoreTolerance(), profiles);
    }

    private void requireIds(List<FieldDef> fields, List<String> needed, String entry, String what) {
        Set<String> present = new java.util.HashSet<>();
        fields.forEach(f -> present.add(f.id()));
        needed.stream().filter(id -> !present.contains(id)).forEach(id -> problems.add(FieldsBuilder.FILE, entry,
                "缺少" + what + " " + id, id + " 是公开的字段代码（fields-project.md），不能删除或改名；请恢复它"));
    }

    private ExecutionRate execution(RawProjectFiles.Execution raw, Set<String> known) {
        if (raw == null || raw.name() == null || raw.numerator() == null || raw.denominator() == null) {
            problems.add(INDICATORS, "execution", "缺少 name、numerator 或 denominator",
                    "请写明，例如 {name: 预算执行率, numerator: pj_funds_total_exec, denominator: pj_funds_total_full}");
            return new ExecutionRate("", "", "");
        }
        for (String id : List.of(raw.numerator(), raw.denominator())) {
            if (!known.contains(id)) {
                problems.add(INDICATORS, "execution", "引用了未知字段 " + id, "请改用 fields.yaml 中已定义的字段代码，如 pj_funds_total_exec");
            }
        }
        return new ExecutionRate(raw.name(), raw.numerator(), raw.denominator());
    }

    private List<IndicatorLevel> levels(List<RawProjectFiles.Level> raw) {
        List<IndicatorLevel> levels = new ArrayList<>();
        for (RawProjectFiles.Level level : FieldsBuilder.orEmpty(raw)) {
            if (level.level() == null || level.level2() == null || level.level2().isEmpty()) {
                problems.add(INDICATORS, "一级指标 " + level.level(), "缺少 level 或 level2", "请写明一级指标及其二级指标，如 {level: 产出指标, level2: [数量指标]}");
                continue;
            }
            Optional<OperatorKind> direction = Optional.empty();
            if (level.direction() != null) {
                direction = kind(level.direction()).filter(k -> k != OperatorKind.JUDGEMENT && k != OperatorKind.NOT_APPLICABLE);
                if (direction.isEmpty()) {
                    problems.add(INDICATORS, "一级指标 " + level.level(), "未知的 direction " + level.direction(),
                            "direction 只能是 positive、negative 或 equal，或不写（按指标性质计分）");
                }
            }
            levels.add(new IndicatorLevel(level.level(), level.level2(), direction));
        }
        if (levels.isEmpty()) {
            problems.add(INDICATORS, "levels", "没有一级指标", "请按 workbook-templates/project-self/indicators.yaml 写出产出、效益、满意度指标");
        }
        return levels;
    }

    private List<Operator> operators(List<RawProjectFiles.Op> raw) {
        List<Operator> operators = new ArrayList<>();
        for (RawProjectFiles.Op op : FieldsBuilder.orEmpty(raw)) {
            Optional<OperatorKind> kind = op.kind() == null ? Optional.empty() : kind(op.kind());
            if (op.symbol() == null || kind.isEmpty()) {
                problems.add(INDICATORS, "指标性质 " + op.symbol(), "未知的 kind " + op.kind(),
                        "kind 只能是 positive、negative、equal、judgement 或 not_applicable");
                continue;
            }
            operators.add(new Operator(op.symbol(), kind.get(), op.also() == null ? List.of() : op.also()));
        }
        for (OperatorKind needed : OperatorKind.values()) {
            if (operators.stream().noneMatch(o -> o.kind() == needed)) {
                problems.add(INDICATORS, "operators", "没有 kind 为 " + needed.name().toLowerCase(java.util.Locale.ENGLISH) + " 的指标性质",
                        "请为它写一项，如 {symbol: \"≥\", kind: positive}");
            }
        }
        return operators;
    }

    private List<JudgementLevel> judgementLevels(List<RawFiles.Level> raw) {
        List<JudgementLevel> levels = new ArrayList<>();
        for (RawFiles.Level level : FieldsBuilder.orEmpty(raw)) {
            if (level.level() == null || level.from() == null || level.to() == null || level.from().compareTo(level.to()) > 0) {
                problems.add(INDICATORS, "定性档次 " + level.level(), "缺少 from、to，或 from 大于 to", "例如 {level: 达成, from: 0.8, to: 1, to_inclusive: true}");
                continue;
            }
            levels.add(new JudgementLevel(level.level(), level.from(), level.to(), Boolean.TRUE.equals(level.toInclusive())));
        }
        if (levels.isEmpty()) {
            problems.add(INDICATORS, "judgement_levels", "没有定性档次", "请写出达成、部分达成、未达成三档");
        }
        return levels;
    }

    private Optional<ProjectProfile> profile(String file, String profileId, RawProjectFiles.Profile raw, List<IndicatorLevel> levels) {
        String entry = "方案 " + profileId;
        if (raw.id() == null || !raw.id().equals(profileId) || raw.execution() == null || raw.levels() == null) {
            problems.add(file, entry, "缺少 id（须与文件名一致）、execution 或 levels", "请按 workbook-templates/project-self/profiles/default.yaml 填写");
            return Optional.empty();
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (IndicatorLevel level : levels) {
            BigDecimal weight = raw.levels().get(level.level());
            if (weight == null || weight.signum() < 0) {
                problems.add(file, entry, "缺少一级指标 " + level.level() + " 的分值", "请在 levels 下写明，如 " + level.level() + ": 50");
                continue;
            }
            weights.put(level.level(), weight);
        }
        raw.levels().keySet().stream().filter(name -> levels.stream().noneMatch(l -> l.level().equals(name)))
                .forEach(name -> problems.add(file, entry, "未知的一级指标 " + name,
                        "一级指标只能是 indicators.yaml 中的 " + String.join("、", levels.stream().map(IndicatorLevel::level).toList())));
        BigDecimal total = weights.values().stream().reduce(raw.execution(), BigDecimal::add);
        if (total.compareTo(HUNDRED) != 0) {
            StringBuilder parts = new StringBuilder("预算执行率 " + Decimals.plain(raw.execution()));
            weights.forEach((level, w) -> parts.append(" · ").append(level).append(' ').append(Decimals.plain(w)));
            problems.add(file, entry, "分值合计 " + Decimals.plain(total) + "，应为 100（" + parts + "）", "请调整分值，使合计为 100");
        }
        return Optional.of(new ProjectProfile(profileId, raw.name() == null ? profileId : raw.name(),
                raw.description() == null ? "" : raw.description(), raw.execution(), weights));
    }

    private static Optional<OperatorKind> kind(String written) {
        return java.util.Arrays.stream(OperatorKind.values())
                .filter(k -> k.name().toLowerCase(java.util.Locale.ENGLISH).equals(written)).findFirst();
    }
}
