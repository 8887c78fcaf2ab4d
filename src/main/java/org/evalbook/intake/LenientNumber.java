package org.evalbook.intake;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number typed as text the way a person meant it: "15.4万元", "１５．４", "1,234.50", " 15.4" (ordinary,
 * full-width U+3000 or non-breaking spaces), "95%". Amounts typed with 元 are converted to 万元.
 *
 * @param value   the number (a fraction for a percentage: "95%" → 0.95); in 万元 when a money unit was typed
 * @param unit    the unit typed after it ("万元", "元", "%", "人" …), "" when none
 */
record LenientNumber(BigDecimal value, String unit) {
    private static final Pattern NUMBER = Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(万元|元|%|人|个|份|㎡|平方米)?");

    static Optional<LenientNumber> parse(String text) {
        StringBuilder normal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= '０' && c <= '９') {
                normal.append((char) ('0' + c - '０'));
            } else if (c == '．' || c == '。') {
                normal.append('.');
            } else if (c == '％') {
                normal.append('%');
            } else if (c == '－' || c == '—') {
                normal.append('-');
            } else if (c == ',' || c == '，' || Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') {
                continue;
            } else {
                normal.append(c);
            }
        }
        Matcher m = NUMBER.matcher(normal.toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        if (unit.equals("%")) {
            value = value.movePointLeft(2);
        } else if (unit.equals("元")) {
            value = value.movePointLeft(4);
        }
        return Optional.of(new LenientNumber(value, unit));
    }
}
