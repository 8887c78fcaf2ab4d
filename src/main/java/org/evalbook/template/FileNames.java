package org.evalbook.template;

/** File names that are safe on Windows, macOS and Linux. */
public final class FileNames {
    private static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** {@code <单位代码>_<单位名称>_<年度>.xlsx}. */
    public static String issued(String unitCode, String unitName, int year) {
        return safe(unitCode + "_" + unitName + "_" + year) + ".xlsx";
    }

    /** Replaces what any of the three systems forbids or mangles; never empty, never a reserved Windows name. */
    public static String safe(String name) {
        String cleaned = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("[. ]+$", "").strip();
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH);
        }
        if (cleaned.isEmpty() || cleaned.matches("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?")) {
            cleaned = "_" + cleaned;
        }
        return cleaned;
    }
}
