package org.evalbook.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A file name from a mail made safe to save: only its last path segment, no control or reserved characters, never a
 * device name or a hidden file, never read as a formula, at most {@value #MAX_BYTES} bytes (extension kept).
 */
final class SafeNames {
    static final int MAX_BYTES = 150;
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3");

    private SafeNames() {
    }

    static String clean(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069:*?\"<>|]", "_").strip();
        safe = safe.replaceAll("^[.=+\\-@\\s]+", "").replaceAll("[.\\s]+$", "");
        String stem = stem(safe);
        if (safe.isEmpty() || DEVICES.contains(stem.toLowerCase(Locale.ROOT))) {
            safe = "附件" + (safe.isEmpty() ? "" : "_" + safe);
        }
        return capped(safe);
    }

    /** {@code name} with " (n)" before its extension: the n-th name tried when the first is taken. */
    static String numbered(String name, int n) {
        String stem = stem(name);
        return capped(stem + " (" + n + ")" + name.substring(stem.length()));
    }

    private static String capped(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String stem = stem(name);
        String extension = name.substring(stem.length());
        if (extension.getBytes(StandardCharsets.UTF_8).length > 16) {
            extension = "";
        }
        StringBuilder kept = new StringBuilder();
        int budget = MAX_BYTES - extension.getBytes(StandardCharsets.UTF_8).length - 3;
        for (int i = 0; i < stem.length(); ) {
            int codePoint = stem.codePointAt(i);
            String next = new String(Character.toChars(codePoint));
            if (kept.toString().getBytes(StandardCharsets.UTF_8).length + next.getBytes(StandardCharsets.UTF_8).length > budget) {
                break;
            }
            kept.append(next);
            i += next.length();
        }
        return kept + "…" + extension;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
