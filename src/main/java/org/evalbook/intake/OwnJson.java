package org.evalbook.intake;

import java.util.regex.Pattern;

/**
 * How evalbook's own JSON output ({@code --json}) is told apart from a file a unit sent, so that a later run over the
 * same folder skips it: its first member is {@code "generated_by"}, whose value starts with {@code evalbook}. The
 * writer takes the field and value from here, and the scan recognises them whatever the whitespace around them
 * (pretty-printed or compact, tabs, CRLF, a byte-order mark).
 */
public final class OwnJson {
    /** The first member of every JSON evalbook writes. */
    public static final String FIELD = "generated_by";
    private static final String GENERATOR = "evalbook";
    private static final Pattern MARK = Pattern.compile("\\A\\uFEFF?\\s*\\{\\s*\"" + FIELD + "\"\\s*:\\s*\"" + GENERATOR + "[\\s\"]");

    private OwnJson() {
    }

    /** The value of {@link #FIELD} for what {@code command} writes: "evalbook check". */
    public static String generatedBy(String command) {
        return GENERATOR + " " + command;
    }

    /** Whether a file that starts with {@code head} is evalbook's own JSON. */
    static boolean marks(String head) {
        return MARK.matcher(head).find();
    }
}
