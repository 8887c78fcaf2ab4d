package org.evalbook.template;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.evalbook.framework.FieldValues;

/**
 * What a workbook is issued for: one roster row.
 *
 * @param unitCode   单位代码, text (leading zeros kept)
 * @param profile    the scoring profile the unit is evaluated under
 * @param email      where the workbook is mailed
 * @param deadline   the return deadline shown in 填报说明
 * @param issuedAt   when it was issued (signed)
 * @param prefill    figures and texts pre-filled from the roster, by field id (unit identity included); those of
 *                   {@link #EDITABLE_DEFAULTS} are defaults the unit may change, the others are locked and signed
 */
public record UnitIssue(String unitCode, String unitName, int fiscalYear, String profile, Optional<String> email,
                        Optional<LocalDate> deadline, Instant issuedAt, FieldValues prefill) {
    /**
     * Roster values written as a default the unit may overwrite (still an input, still required), never locked or
     * signed: the roster's 联系人 is who the bureau last dealt with, not necessarily who fills in this year's return.
     */
    public static final Set<String> EDITABLE_DEFAULTS = Set.of("contact_name");
}
