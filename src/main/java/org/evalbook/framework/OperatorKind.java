package org.evalbook.framework;

/** How a project indicator is scored, by its 指标性质 (indicators.md §4). */
public enum OperatorKind {
    /** ≥: w·min(1, actual/target); target 0 → w. */
    POSITIVE,
    /** ≤: w·min(1, target/actual); actual 0 → w. */
    NEGATIVE,
    /** =: w·max(0, 1 − |actual − target| / target); target 0 → w when actual is 0, else 0. */
    EQUAL,
    /** 定性: the unit's own score, within the band of the level it declares. */
    JUDGEMENT,
    /** 不适用: dropped, and the total rescaled. */
    NOT_APPLICABLE
}
