package org.evalbook.intake;

/** File names as a terminal may print them: every control or direction-changing character shown as an escape. */
public final class Names {
    private Names() {
    }

    /** {@code a\nb.xlsx} for a name holding a newline; ESC as {@code \x1B}; bidi overrides as {@code \u202E}. */
    public static String escaped(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '\\' -> shown.append('\\');
                default -> {
                    if (Character.isISOControl(c)) {
                        shown.append(String.format("\\x%02X", c));
                    } else if (isInvisibleFormat(c)) {
                        shown.append(String.format("\\u%04X", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        return shown.toString();
    }

    /** Characters that reorder or hide what follows them on a line (bidi overrides, zero-width marks). */
    private static boolean isInvisibleFormat(int c) {
        return Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029;
    }
}
