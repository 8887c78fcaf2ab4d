package org.evalbook.check;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.FieldValues;
import org.evalbook.intake.CellSource;

/**
 * One project sheet of a project return, read and recomputed.
 *
 * @param sheet     the sheet's name as it is in the file (a copied sheet keeps whatever name the unit gave it)
 * @param values    the sheet's own values (pj_… fields and the pi table), interpreted
 * @param sources   where each value was read, by field id or {@code column[row]}
 * @param score     the recomputation under the return's profile
 * @param selfTotal the unit's 自评总分, when given
 * @param selfGrade the unit's 自评等级, when given
 */
public record ProjectOutcome(String sheet, FieldValues values, Map<String, CellSource> sources, ProjectScore score,
                             Optional<BigDecimal> selfTotal, Optional<String> selfGrade) {
    public ProjectOutcome {
        sources = Map.copyOf(sources);
    }

    /** 项目名称, or the sheet's name when the unit left it blank. */
    public String name() {
        return values.text("pj_name").filter(n -> !n.isBlank()).orElse(sheet);
    }
}
