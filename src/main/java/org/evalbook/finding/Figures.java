package org.evalbook.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How numbers read wherever a person reads them (finding messages, reports, the strings of the JSON): the one place
 * that decides it, by kind. Amounts (万元) and scores (分) have two decimals, as a finance bureau writes them; a figure
 * that really has more decimals keeps them, so a message never rounds away the very difference it reports. Rates
 * are fractions shown as percentages with two decimals. Counts (人, 个, 份 …) are whole numbers as typed.
 */
public final class Figures {
    private static final int DECIMALS = 2;

    private Figures() {
    }

    /** 126 → 126.00, 3.355 → 3.355 (never fewer than two decimals, never an exponent). */
    public static String amount(BigDecimal value) {
        return twoOrMore(value);
    }

    /** A score or a weight: 5 → 5.00, 4.8 → 4.80. */
    public static String score(BigDecimal value) {
        return twoOrMore(value);
    }

    /** A fraction as a percentage with two decimals: 0.7143 → 71.43%, 0.9 → 90.00%. */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A count as typed: 12 → 12, 12.0 → 12, 12.5 → 12.5 (a half post stays visible). */
    public static String count(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    /**
     * A value by the unit the framework gives its field: 万元 as an amount, 分 as a score, % (a fraction) as a
     * percentage; any other unit (人, 个, 份, ㎡ …) or none as a count.
     */
    public static String of(String unit, BigDecimal value) {
        return switch (unit == null ? "" : unit) {
            case "万元", "元" -> amount(value);
            case "分" -> score(value);
            case "%" -> percent(value);
            default -> count(value);
        };
    }

    private static String twoOrMore(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < DECIMALS ? plain.setScale(DECIMALS) : plain).toPlainString();
    }
}
