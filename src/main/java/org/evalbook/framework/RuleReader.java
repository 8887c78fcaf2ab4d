package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads one profile entry's {@code rule}, naming every missing or wrong parameter. */
final class RuleReader {
    private static final Map<String, String> EXAMPLES = Map.of(
            "good", "good: at_most（不超过门槛为好）或 good: at_least",
            "threshold", "threshold: 100%",
            "penalty", "penalty: 0.5（每档扣分）",
            "per", "per: 1（每超出几个百分点扣一档）",
            "bands", "bands: [{at_least: 90%, points: 4}]",
            "otherwise", "otherwise: 0（不落入任何档次时的得分）",
            "direction", "direction: positive、negative 或 equal",
            "target", "target: 100%",
            "points", "points: [1, 0.5, 0.5]");

    private final String file;
    private final String entry;
    private final BigDecimal weight;
    private final Problems problems;

    RuleReader(String file, String entry, BigDecimal weight, Problems problems) {
        this.file = file;
        this.entry = entry;
        this.weight = weight;
        this.problems = problems;
    }

    Optional<Rule> read(Indicator indicator, RawFiles.Rule raw) {
        String kind = raw.kind().toLowerCase(Locale.ROOT);
        IndicatorKind needs = switch (kind) {
            case "step", "bands", "ratio" -> IndicatorKind.RATE;
            case "checklist" -> IndicatorKind.CHECKLIST;
            case "judgement" -> IndicatorKind.JUDGEMENT;
            default -> null;
        };
        if (needs == null) {
            problems.add(file, entry, "未知的规则 " + raw.kind(), "kind 只能是 step、bands、ratio、checklist 或 judgement");
            return Optional.empty();
        }
        if (needs != indicator.kind()) {
            problems.add(file, entry, kind + " 规则不适用于" + kindLabel(indicator.kind()) + "指标",
                    "请改用适用于" + kindLabel(indicator.kind()) + "指标的规则");
            return Optional.empty();
        }
        int before = problemCount();
        Rule rule = switch (kind) {
            case "step" -> new Rule.Step(side(raw.good(), "good"), percent(raw.threshold(), "threshold"),
                    positive(raw.penalty(), "penalty"), positive(raw.per(), "per"));
            case "bands" -> bands(raw);
            case "ratio" -> new Rule.Proportional(direction(raw.direction()), positivePercent(raw.target(), "target"));
            case "checklist" -> checklist(indicator, raw);
            default -> new Rule.Judgement();
        };
        return problemCount() == before ? Optional.of(rule) : Optional.empty();
    }

    private Rule bands(RawFiles.Rule raw) {
        List<Rule.Band> bands = new ArrayList<>();
        if (raw.bands() == null || raw.bands().isEmpty()) {
            missing("bands");
        } else {
            for (RawFiles.Band band : raw.bands()) {
                bands.add(band(band));
            }
        }
        BigDecimal otherwise = points(raw.otherwise(), "otherwise");
        return new Rule.Bands(bands, otherwise);
    }

    private Rule.Band band(RawFiles.Band raw) {
        if ((raw.atLeast() == null) == (raw.atMost() == null)) {
            problems.add(file, entry, "每一档必须且只能写 at_least 或 at_most 之一", "例如 {at_least: 90%, points: 4}");
            return new Rule.Band(Rule.Side.AT_LEAST, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        Rule.Side side = raw.atLeast() != null ? Rule.Side.AT_LEAST : Rule.Side.AT_MOST;
        String limit = raw.atLeast() != null ? raw.atLeast() : raw.atMost();
        return new Rule.Band(side, percent(limit, side == Rule.Side.AT_LEAST ? "at_least" : "at_most"),
                points(raw.points(), "points"));
    }

    private Rule checklist(Indicator indicator, RawFiles.Rule raw) {
        if (raw.points() == null || raw.points().isEmpty()) {
            missing("points");
            return new Rule.Checklist(List.of());
        }
        if (raw.points().size() != indicator.items().size()) {
            problems.add(file, entry, "清单有 " + indicator.items().size() + " 项，但 points 给了 " + raw.points().size() + " 个分数",
                    "请为每一项给出一个分数");
        }
        BigDecimal sum = raw.points().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(weight) != 0) {
            problems.add(file, entry, "清单各项分数合计 " + ProfileBuilder.plain(sum) + "，与分值 " + ProfileBuilder.plain(weight) + " 不符",
                    "请调整各项分数，使其合计等于分值");
        }
        return new Rule.Checklist(raw.points());
    }

    private Rule.Side side(String value, String key) {
        if (value == null) {
            missing(key);
            return Rule.Side.AT_MOST;
        }
        return switch (value) {
            case "at_most" -> Rule.Side.AT_MOST;
            case "at_least" -> Rule.Side.AT_LEAST;
            default -> {
                problems.add(file, entry, key + " 的取值 " + value + " 无效", "请写 " + EXAMPLES.get(key));
                yield Rule.Side.AT_MOST;
            }
        };
    }

    private Rule.Direction direction(String value) {
        if (value == null) {
            missing("direction");
            return Rule.Direction.POSITIVE;
        }
        try {
            return Rule.Direction.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add(file, entry, "direction 的取值 " + value + " 无效", "请写 " + EXAMPLES.get("direction"));
            return Rule.Direction.POSITIVE;
        }
    }

    private BigDecimal percent(String value, String key) {
        if (value == null) {
            missing(key);
            return BigDecimal.ZERO;
        }
        Optional<BigDecimal> fraction = Percent.parse(value);
        if (fraction.isEmpty()) {
            problems.add(file, entry, key + " 应写成百分数，而不是 " + value, "请写成带 % 的百分数，例如 0.95 写作 95%");
            return BigDecimal.ZERO;
        }
        return fraction.get();
    }

    private BigDecimal positivePercent(String value, String key) {
        BigDecimal fraction = percent(value, key);
        if (value != null && Percent.parse(value).isPresent() && fraction.signum() <= 0) {
            problems.add(file, entry, key + " 应大于 0%，而不是 " + value, "请写 " + EXAMPLES.get(key));
        }
        return fraction;
    }

    private BigDecimal positive(BigDecimal value, String key) {
        if (value == null) {
            missing(key);
            return BigDecimal.ONE;
        }
        if (value.signum() <= 0) {
            problems.add(file, entry, key + " 应为正数，而不是 " + ProfileBuilder.plain(value), "请写 " + EXAMPLES.get(key));
        }
        return value;
    }

    private BigDecimal points(BigDecimal value, String key) {
        if (value == null) {
            missing(key);
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(weight) > 0) {
            problems.add(file, entry, key + " 的分数 " + ProfileBuilder.plain(value) + " 不在 0 到分值 " + ProfileBuilder.plain(weight) + " 之间",
                    "请把分数改在 0 到 " + ProfileBuilder.plain(weight) + " 之间");
        }
        return value;
    }

    private void missing(String key) {
        problems.add(file, entry, "规则缺少参数 " + key, "请补上，例如 " + EXAMPLES.get(key));
    }

    private int problemCount() {
        return problems.size();
    }

    private static String kindLabel(IndicatorKind kind) {
        return switch (kind) {
            case RATE -> "比率";
            case CHECKLIST -> "清单";
            case JUDGEMENT -> "定性判断";
        };
    }
}
