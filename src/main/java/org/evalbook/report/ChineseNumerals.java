package org.evalbook.report;

/** Chinese numerals for numbering paragraphs and points: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
final class ChineseNumerals {
    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    static String of(int number) {
        if (number < 1 || number > 99) {
            throw new IllegalArgumentException("numbering runs from 1 to 99: " + number);
        }
        int tens = number / 10;
        int units = number % 10;
        String tensPart = tens == 0 ? "" : (tens == 1 ? "" : digit(tens)) + "十";
        return tensPart + (units == 0 ? "" : digit(units));
    }

    private static String digit(int value) {
        return String.valueOf(DIGITS.charAt(value));
    }
}
