package org.evalbook.template;

/** Chinese numbering for headings: 一、二、三 …; ①② for checklist items. */
final class Chinese {
    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private Chinese() {
    }

    static String ordinal(int n) {
        if (n <= 10) {
            return DIGITS[n];
        }
        if (n < 20) {
            return "十" + DIGITS[n - 10];
        }
        return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
    }

    static String circled(int n) {
        return n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1)) : "(" + n + ")";
    }
}
