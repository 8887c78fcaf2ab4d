package org.evalbook.intake;

import org.evalbook.framework.FieldValues;

/**
 * One unit's figures as read from a figures file.
 *
 * @param unit    单位名称
 * @param profile the scoring profile the unit is evaluated under
 * @param values  the figures by field id; blanks are absent
 */
public record UnitFigures(String unit, String profile, FieldValues values) {
}
