package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evalbook.framework.Decimals;

/**
 * A formula's meaning as a token list, so that the text Excel, WPS or LibreOffice write on save (spacing, case,
 * {@code _xlfn.} prefixes, absolute markers, number spelling, array braces) compares equal to the issued formula.
 */
final class FormulaTokens {
    private static final String XLFN = "_XLFN.";
    private static final String XLWS = "_XLWS.";

    private FormulaTokens() {
    }

    static List<String> of(String formula) {
        String text = formula.strip();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("=")) {
            text = text.substring(1);
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '$') {
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (end < text.length() && !(text.charAt(end) == '"' && (end + 1 >= text.length() || text.charAt(end + 1) != '"'))) {
                    end += text.charAt(end) == '"' ? 2 : 1;
                }
                tokens.add(text.substring(i, Math.min(end + 1, text.length())));
                i = end + 1;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int end = i;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.' || text.charAt(end) == 'E'
                        || text.charAt(end) == 'e' || ((text.charAt(end) == '+' || text.charAt(end) == '-') && end > i
                        && (text.charAt(end - 1) == 'E' || text.charAt(end - 1) == 'e')))) {
                    end++;
                }
                tokens.add(number(text.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(withoutPrefix(text.substring(i, end).toUpperCase(Locale.ROOT)));
                i = end;
            } else if ((c == '<' || c == '>') && i + 1 < text.length() && (text.charAt(i + 1) == '=' || text.charAt(i + 1) == '>')) {
                tokens.add(text.substring(i, i + 2));
                i += 2;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }

    /** A function name without the {@code _xlfn.} then {@code _xlws.} prefix newer Excel writes (no regex per word). */
    private static String withoutPrefix(String word) {
        String name = word.startsWith(XLFN) ? word.substring(XLFN.length()) : word;
        return name.startsWith(XLWS) ? name.substring(XLWS.length()) : name;
    }

    private static String number(String text) {
        try {
            return Decimals.plain(new BigDecimal(text));
        } catch (NumberFormatException odd) {
            return text;
        }
    }
}
