package org.evalbook.roster;

import java.util.Optional;
import org.evalbook.framework.FieldValues;

/**
 * One unit of the bureau's roster.
 *
 * @param row     the spreadsheet row it came from (1-based, as Excel numbers rows)
 * @param profile the 评价方案 column, when filled
 * @param prefill the unit's identity and any pre-filled figures, by field id
 */
public record RosterRow(int row, String unitCode, String unitName, String parentDept, String contact, String email,
                        int fiscalYear, Optional<String> profile, FieldValues prefill) {
}
