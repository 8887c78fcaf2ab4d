package org.evalbook.template;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.evalbook.framework.FieldValues;

/**
 * What a workbook is issued for: one roster row.
 *
 * @param unitCode   单位代码, text (leading zeros kept)
 * @param profile    the scoring profile the unit is evaluated under
 * @param email      where the workbook is mailed
 * @param deadline   the return deadline shown in 填报说明
 * @param issuedAt   when it was issued (signed)
 * @param prefill    figures and texts pre-filled from the roster, by field id (unit identity included)
 */
public record UnitIssue(String unitCode, String unitName, int fiscalYear, String profile, Optional<String> email,
                        Optional<LocalDate> deadline, Instant issuedAt, FieldValues prefill) {
}
