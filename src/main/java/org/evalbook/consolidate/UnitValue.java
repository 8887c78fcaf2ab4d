package org.evalbook.consolidate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One unit's value in a column: the unit as the consolidation names it (its code and name, say) and the value in the
 * column's own unit (points, 万元, a ratio). A unit that left the figure blank has no {@code UnitValue}: a blank is not
 * zero, so it is left out rather than passed in.
 */
public record UnitValue(String unit, BigDecimal value) {
    public UnitValue {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value: a blank is left out of the column, never passed as a value");
    }
}
