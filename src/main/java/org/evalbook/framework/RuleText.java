package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A profile entry's 评分标准 as a bureau writes it, in Chinese, generated from the rule itself. */
public final class RuleText {
    private static final String[] CIRCLED = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"};
    /**
     * Punctuation that must never open a line in Chinese (closing marks) or end one (opening marks), and the
     * zero-width no-break space that keeps each to its neighbour. LibreOffice breaks before "）", "；", "。" in a
     * wrapped cell and ignores U+2060 WORD JOINER there, but honours U+FEFF (checked on rendered pages).
     */
    private static final java.util.regex.Pattern NEVER_OPENS_A_LINE = java.util.regex.Pattern.compile("(?<!\uFEFF)([）)；;。，,、：:！？”’》〉】」』%])");
    private static final java.util.regex.Pattern NEVER_ENDS_A_LINE = java.util.regex.Pattern.compile("([（(“‘《〈【「『])(?!\uFEFF)");
    private static final String NO_BREAK = "\uFEFF";

    private RuleText() {
    }

    public static String describe(ProfileEntry entry, List<JudgementLevel> levels) {
        Rule rule = entry.rule();
        if (rule instanceof Rule.Step step) {
            String side = step.good() == Rule.Side.AT_MOST ? "≤" : "≥";
            String beyond = step.good() == Rule.Side.AT_MOST ? "超过" : "低于";
            return side + Percent.format(step.threshold()) + "得满分，每" + beyond + plain(step.per()) + "个百分点扣"
                    + plain(step.penalty()) + "分（不足" + plain(step.per()) + "个百分点按" + plain(step.per()) + "个百分点计），扣完为止";
        }
        if (rule instanceof Rule.Bands bands) {
            List<String> parts = new ArrayList<>();
            for (Rule.Band band : bands.bands()) {
                String bound = band.limit().signum() == 0 && band.bound() == Rule.Side.AT_MOST ? "为0"
                        : (band.bound() == Rule.Side.AT_LEAST ? "≥" : "≤") + Percent.format(band.limit());
                parts.add(bound + "得" + plain(band.points()) + "分");
            }
            parts.add("其余得" + plain(bands.otherwise()) + "分");
            return String.join("；", parts);
        }
        if (rule instanceof Rule.Proportional p) {
            String target = Percent.format(p.target());
            return switch (p.direction()) {
                case POSITIVE -> "达到" + target + "得满分，未达到按 实际值÷" + target + " 的比例得分";
                case NEGATIVE -> "不超过" + target + "得满分，超过按 " + target + "÷实际值 的比例得分";
                case EQUAL -> "等于" + target + "得满分，按偏离" + target + "的比例扣分";
            };
        }
        if (rule instanceof Rule.Checklist checklist) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < checklist.points().size(); i++) {
                String mark = i < CIRCLED.length ? CIRCLED[i] : "(" + (i + 1) + ")";
                text.append(mark).append(entry.indicator().items().get(i)).append("（").append(plain(checklist.points().get(i)))
                        .append("分）");
            }
            return text.toString();
        }
        List<String> parts = new ArrayList<>();
        for (JudgementLevel level : levels) {
            parts.add(level.level() + "得" + plain(level.low(entry.weight())) + "–" + plain(level.high(entry.weight())) + "分");
        }
        return "定性评价：" + String.join("；", parts);
    }

    /**
     * A text for a wrapped cell of a printed form: no line can start with closing punctuation. Only for what is
     * printed; the terminal shows the text as {@link #describe} gives it.
     */
    public static String forPrint(String text) {
        String closing = NEVER_OPENS_A_LINE.matcher(text).replaceAll(NO_BREAK + "$1");
        return NEVER_ENDS_A_LINE.matcher(closing).replaceAll("$1" + NO_BREAK);
    }

    /** The entry's edge-case policies, for rate indicators. */
    public static String edgeCases(ProfileEntry entry) {
        EdgeCases e = entry.edgeCases();
        return "分子分母均为 0 时" + outcome(e.zeroOverZero()) + "；分母为 0 时" + outcome(e.xOverZero()) + "；缺少数据时" + outcome(e.missing());
    }

    private static String outcome(EdgePolicy policy) {
        return switch (policy) {
            case FULL -> "得满分";
            case ZERO -> "得 0 分";
            case NOT_APPLICABLE -> "不适用";
        };
    }

    private static String plain(BigDecimal value) {
        return ProfileBuilder.plain(value);
    }
}
