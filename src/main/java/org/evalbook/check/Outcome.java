package org.evalbook.check;

/** How an indicator's score was reached. */
public enum Outcome {
    /** The rule was applied to a computed rate, checklist or self-assessment. */
    COMPUTED,
    /** 0/0: the profile's zero_over_zero policy decided. */
    ZERO_OVER_ZERO,
    /** x/0 with x ≠ 0: the profile's x_over_zero policy decided. */
    X_OVER_ZERO,
    /** An input was blank: the profile's missing policy decided. */
    MISSING_DATA,
    /** Dropped by a not_applicable policy; the total is rescaled without it. */
    NOT_APPLICABLE;

    /** Whether the rule could see a real value (rather than a policy standing in for it). */
    public boolean isComputed() {
        return this == COMPUTED;
    }
}
