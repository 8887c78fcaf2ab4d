package org.evalbook.finding;

/** How much a finding matters (checks.md). */
public enum Severity {
    /** Must be corrected before the submission is accepted (退回修改). */
    ERROR("错误"),
    /** Must be explained by the unit (情况说明) or waived by the reviewer. */
    WARNING("警告"),
    /** Reported; no action needed. */
    INFO("提示");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
