package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns one {@code profiles/<id>.yaml} into a {@link Profile}, refusing what cannot be scored. */
final class ProfileBuilder {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, Indicator> catalogue;
    private final Problems problems;

    ProfileBuilder(List<Indicator> indicators, Problems problems) {
        this.catalogue = indicators.stream().collect(Collectors.toMap(Indicator::id, Function.identity()));
        this.problems = problems;
    }

    Optional<Profile> build(String file, String expectedId, RawFiles.Profile raw) {
        String where = "方案 " + expectedId;
        if (raw.id() == null || !raw.id().equals(expectedId)) {
            problems.add(file, where, "文件中的 id 为 " + raw.id() + "，与文件名不符", "请把 id 改为 " + expectedId);
            return Optional.empty();
        }
        if (raw.name() == null || raw.indicators() == null || raw.indicators().isEmpty()) {
            problems.add(file, where, "缺少 name 或 indicators", "请写明方案名称并列出所用指标");
            return Optional.empty();
        }
        EdgeCases defaults = edges(file, where, raw.edgeCases() == null ? null : raw.edgeCases().zeroOverZero(),
                raw.edgeCases() == null ? null : raw.edgeCases().xOverZero(),
                raw.edgeCases() == null ? null : raw.edgeCases().missing(), EdgeCases.DEFAULT);
        List<ProfileEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RawFiles.Entry entry : raw.indicators()) {
            if (!seen.add(String.valueOf(entry.indicator()))) {
                problems.add(file, where + " 的指标 " + entry.indicator(), "同一指标列了两次",
                        "每个指标在方案中只能出现一次，请删除其一");
                continue;
            }
            entry(file, where, entry, defaults).ifPresent(entries::add);
        }
        Profile profile = new Profile(raw.id(), raw.name(), raw.description() == null ? "" : raw.description(), entries);
        if (entries.size() == raw.indicators().size() && profile.totalWeight().compareTo(HUNDRED) != 0) {
            String byLevel = profile.weightsByLevel1().entrySet().stream()
                    .map(e -> e.getKey() + " " + plain(e.getValue())).collect(Collectors.joining(" · "));
            problems.add(file, where, "分值合计 " + plain(profile.totalWeight()) + "，应为 100（" + byLevel + "）",
                    "请调整分值，使合计为 100");
        }
        return Optional.of(profile);
    }

    private Optional<ProfileEntry> entry(String file, String where, RawFiles.Entry raw, EdgeCases defaults) {
        String entry = where + " 的指标 " + raw.indicator();
        Indicator indicator = catalogue.get(raw.indicator());
        if (indicator == null) {
            problems.add(file, entry, "指标目录中没有这个指标", "请改用 indicators.yaml 中的指标代码");
            return Optional.empty();
        }
        if (raw.weight() == null || raw.weight().signum() <= 0) {
            problems.add(file, entry, "缺少分值 weight 或分值不为正数", "请写明分值，例如 weight: 3");
            return Optional.empty();
        }
        if (raw.rule() == null || raw.rule().kind() == null) {
            problems.add(file, entry, "缺少评分规则 rule", "请写明规则，例如 rule: {kind: ratio, direction: positive, target: 100%}");
            return Optional.empty();
        }
        Optional<FormulaVariant> formula = formula(file, entry, indicator, raw.formula());
        EdgeCases edges = edges(file, entry, raw.zeroOverZero(), raw.xOverZero(), raw.missing(), defaults);
        RuleReader rules = new RuleReader(file, entry, raw.weight(), problems);
        return rules.read(indicator, raw.rule()).map(rule -> new ProfileEntry(indicator,
                raw.level2() == null ? indicator.level2() : raw.level2(), raw.weight(), rule, formula, edges));
    }

    private Optional<FormulaVariant> formula(String file, String entry, Indicator indicator, String key) {
        if (indicator.kind() != IndicatorKind.RATE) {
            if (key != null) {
                problems.add(file, entry, "该指标不是比率指标，不能指定 formula", "请删去 formula");
            }
            return Optional.empty();
        }
        if (key == null) {
            if (indicator.variants().size() == 1) {
                return indicator.variants().values().stream().findFirst();
            }
            problems.add(file, entry, "该指标有多种算法，方案必须指明用哪一种",
                    "请写 formula: " + String.join(" 或 formula: ", indicator.variants().keySet()));
            return Optional.empty();
        }
        Optional<FormulaVariant> variant = indicator.variant(key);
        if (variant.isEmpty()) {
            problems.add(file, entry, "未知的算法 " + key,
                    "可选的算法有 " + String.join("、", indicator.variants().keySet()));
        }
        return variant;
    }

    private EdgeCases edges(String file, String entry, String zeroOverZero, String xOverZero, String missing,
                            EdgeCases defaults) {
        return new EdgeCases(policy(file, entry, "zero_over_zero", zeroOverZero, defaults.zeroOverZero()),
                policy(file, entry, "x_over_zero", xOverZero, defaults.xOverZero()),
                policy(file, entry, "missing", missing, defaults.missing()));
    }

    private EdgePolicy policy(String file, String entry, String key, String value, EdgePolicy fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return EdgePolicy.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(file, entry, key + " 的取值 " + value + " 无效", key + " 只能是 full、zero 或 not_applicable");
            return fallback;
        }
    }

    static String plain(BigDecimal value) {
        return Decimals.plain(value);
    }
}
