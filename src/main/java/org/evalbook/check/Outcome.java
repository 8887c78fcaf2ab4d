package org.evalbook.check;

/** How an indicator's score was reached. */
public enum Outcome {
    /** The rule was applied to a computed rate, checklist or self-assessment. */
    COMPUTED("已计算"),
    /** 0/0: the profile's zero_over_zero policy decided. */
    ZERO_OVER_ZERO("0/0"),
    /** x/0 with x ≠ 0: the profile's x_over_zero policy decided. */
    X_OVER_ZERO("分母为 0"),
    /** An input was blank: the profile's missing policy decided. */
    MISSING_DATA("缺少数据"),
    /** Dropped by a not_applicable policy; the total is rescaled without it. */
    NOT_APPLICABLE("不适用");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the rule could see a real value (rather than a policy standing in for it). */
    public boolean isComputed() {
        return this == COMPUTED;
    }
}
