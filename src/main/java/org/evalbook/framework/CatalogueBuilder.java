package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@code indicators.yaml} into the catalogue, checking every formula against the fields. */
final class CatalogueBuilder {
    static final String FILE = "indicators.yaml";
    private static final Pattern FIELD_ID = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, String> labels = new HashMap<>();
    private final TableReferences references;
    private final Problems problems;

    CatalogueBuilder(List<FieldDef> fields, List<TableDef> tables, Problems problems) {
        fields.forEach(f -> labels.put(f.id(), f.label()));
        this.references = new TableReferences(fields, tables);
        this.problems = problems;
    }

    List<JudgementLevel> levels(RawFiles.Indicators raw) {
        List<JudgementLevel> levels = new ArrayList<>();
        for (RawFiles.Level level : FieldsBuilder.orEmpty(raw.judgementLevels())) {
            if (level.level() == null || level.from() == null || level.to() == null) {
                problems.add(FILE, "档次 " + level.level(), "缺少 level、from 或 to", "请写明档次名称及其分值比例区间");
                continue;
            }
            levels.add(new JudgementLevel(level.level(), level.from(), level.to(), Boolean.TRUE.equals(level.toInclusive())));
        }
        return levels;
    }

    List<Indicator> indicators(RawFiles.Indicators raw) {
        List<Indicator> indicators = new ArrayList<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<RawFiles.Indicator> entries = FieldsBuilder.orEmpty(raw.indicators());
        for (int i = 0; i < entries.size(); i++) {
            RawFiles.Indicator entry = entries.get(i);
            Integer earlier = positions.putIfAbsent(String.valueOf(entry.id()), i + 1);
            if (earlier != null) {
                problems.add(FILE, "指标 " + entry.id(), "指标代码重复出现（第 " + earlier + " 项和第 " + (i + 1) + " 项）",
                        "每个指标代码只能出现一次，请删除重复项或改用新代码");
                continue;
            }
            indicator(entry).ifPresent(indicators::add);
        }
        return indicators;
    }

    private Optional<Indicator> indicator(RawFiles.Indicator raw) {
        String entry = "指标 " + raw.id();
        if (raw.id() == null || raw.level1() == null || raw.level2() == null || raw.name() == null || raw.kind() == null) {
            problems.add(FILE, entry, "缺少 id、level1、level2、name 或 kind", "请为每个指标写明这五项");
            return Optional.empty();
        }
        IndicatorKind kind;
        try {
            kind = IndicatorKind.valueOf(raw.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(FILE, entry, "未知的指标类型 " + raw.kind(), "kind 只能是 rate、checklist 或 judgement");
            return Optional.empty();
        }
        List<String> items = FieldsBuilder.orEmpty(raw.items());
        if (kind == IndicatorKind.CHECKLIST && items.isEmpty()) {
            problems.add(FILE, entry, "清单指标没有列出 items", "请列出各核查项，例如 items: [有制度, 制度有效执行]");
        }
        Map<String, FormulaVariant> variants = new LinkedHashMap<>();
        if (kind == IndicatorKind.RATE) {
            if (raw.formula() != null && raw.variants() != null) {
                problems.add(FILE, entry, "formula 与 variants 只能写一个", "只有一种算法时写 formula，有多种时写 variants");
            } else if (raw.formula() != null) {
                formula(raw.id(), FormulaVariant.STANDARD, raw.formula()).ifPresent(v -> variants.put(v.key(), v));
            } else if (raw.variants() != null && !raw.variants().isEmpty()) {
                raw.variants().forEach((key, f) -> formula(raw.id(), key, f).ifPresent(v -> variants.put(key, v)));
            } else {
                problems.add(FILE, entry, "比率指标缺少公式", "请写 formula: {numerator: …, denominator: …}");
            }
        }
        return Optional.of(new Indicator(raw.id(), raw.level1(), raw.level2(), raw.name(), kind, items, variants));
    }

    private Optional<FormulaVariant> formula(String indicator, String key, RawFiles.Formula raw) {
        String entry = "指标 " + indicator + " 的公式 " + key;
        String label = raw.label() != null ? raw.label() : readable(raw.numerator()) + " / " + readable(raw.denominator());
        try {
            Formula formula = raw.meanOver() != null ? rowMean(entry, raw) : ratio(entry, raw);
            return Optional.of(new FormulaVariant(key, label, Optional.ofNullable(raw.name()), formula));
        } catch (IllegalArgumentException malformed) {
            problems.add(FILE, entry, malformed.getMessage(), "公式写法见 indicators.yaml 开头的说明");
            return Optional.empty();
        }
    }

    /** The formula with every field id replaced by its label. */
    private String readable(String formula) {
        if (formula == null) {
            return "";
        }
        Matcher ids = FIELD_ID.matcher(formula);
        StringBuilder text = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(text, Matcher.quoteReplacement(labels.getOrDefault(ids.group(), ids.group())));
        }
        ids.appendTail(text);
        String readable = text.toString().replace(" - ", " − ");
        return readable.contains(" ") ? "（" + readable + "）" : readable;
    }

    private Formula ratio(String entry, RawFiles.Formula raw) {
        if (raw.numerator() == null || raw.denominator() == null) {
            throw new IllegalArgumentException("缺少 numerator 或 denominator");
        }
        Expression numerator = ExpressionParser.parseExpression(raw.numerator());
        Expression denominator = ExpressionParser.parseExpression(raw.denominator());
        checkInputs(entry, numerator.inputs());
        checkInputs(entry, denominator.inputs());
        references.check(FILE, entry, numerator, problems);
        references.check(FILE, entry, denominator, problems);
        return new Formula.Ratio(numerator, denominator);
    }

    private Formula rowMean(String entry, RawFiles.Formula raw) {
        if (!references.isTable(raw.meanOver())) {
            throw new IllegalArgumentException("mean_over 指向未知的表 " + raw.meanOver());
        }
        if (raw.numerator() == null || raw.denominator() == null) {
            throw new IllegalArgumentException("缺少 numerator 或 denominator");
        }
        Optional<Expression.Condition> rowsWhere = Optional.ofNullable(raw.rowsWhere()).map(ExpressionParser::parseCondition);
        Formula.RowMean mean = new Formula.RowMean(raw.meanOver(), raw.numerator(), raw.denominator(),
                raw.cap() == null ? BigDecimal.ONE : raw.cap(), rowsWhere);
        for (String column : mean.inputs()) {
            if (!references.tableOf(column).filter(raw.meanOver()::equals).isPresent()) {
                throw new IllegalArgumentException("“" + column + "”不是表 " + raw.meanOver() + " 的列");
            }
        }
        return mean;
    }

    private void checkInputs(String entry, Set<String> inputs) {
        for (String input : inputs) {
            if (!references.isScalar(input) && references.tableOf(input).isEmpty()) {
                problems.add(FILE, entry, "公式引用了未知字段 " + input, "请改用 fields.yaml 中已定义的字段代码");
            }
        }
    }
}
