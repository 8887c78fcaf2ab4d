package org.evalbook.template;

/**
 * What a rule score shows in the workbook while an input its rule needs is blank. The engine always applies the
 * profile's missing-data rule when a return is checked; the workbook shows no verdict before the unit has typed what
 * the rule needs, so a freshly issued form shows no 规则总分 or 等级.
 */
enum WhileMissing {
    /** The profile's missing-data score (what evalbook first issued). */
    POLICY_SCORE,
    /** Blank; the total and grade are blank while any score is. */
    BLANK
}
