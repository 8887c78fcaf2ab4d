package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One indicator as a profile scores it.
 *
 * @param level2  the 二级 heading under this profile (the catalogue's unless the profile regroups)
 * @param weight  分值
 * @param formula the formula the profile chose, for a rate indicator
 */
public record ProfileEntry(Indicator indicator, String level2, BigDecimal weight, Rule rule,
                           Optional<FormulaVariant> formula, EdgeCases edgeCases) {

    /** The indicator's name under this profile (a formula may rename it, as Hunan's 预算控制率). */
    public String name() {
        return formula.flatMap(FormulaVariant::name).orElse(indicator.name());
    }
}
