package org.evalbook.framework;

/** How wide text shows on a terminal or in a spreadsheet column: a Chinese character takes two columns. */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    public static int of(String text) {
        return text.codePoints().map(DisplayWidth::width).sum();
    }

    private static int width(int c) {
        // The two commonest cases first: looking up a character's script is a binary search over all of Unicode, and
        // the consolidated workbook measures every cell it writes.
        if (c < 0x1100) {
            return 1;
        }
        if (c >= 0x4E00 && c <= 0x9FFF) {
            return 2;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        boolean wideScript = c >= 0x1100 && script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON;
        boolean widePunctuation = (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) || c == 0x201C || c == 0x201D;
        return wideScript || widePunctuation ? 2 : 1;
    }
}
