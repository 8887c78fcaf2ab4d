package org.evalbook.framework;

/** How an indicator is measured. */
public enum IndicatorKind {
    /** A ratio of fields (定量); the profile's rule turns it into points. */
    RATE,
    /** Items answered 是/否, each worth points. */
    CHECKLIST,
    /** The unit's own score within the band of a declared level (定性). */
    JUDGEMENT
}
