package org.evalbook.pipeline;

import java.math.BigDecimal;
import java.util.Optional;
import org.evalbook.check.ProjectOutcome;

/**
 * What the reports keep of one project sheet: which project it is, its recomputed execution rate, total and grade, and
 * the unit's own total and grade.
 *
 * @param sheet         the sheet's name as it is in the file
 * @param name          项目名称 (the sheet's name when left blank)
 * @param profile       the profile it was scored under (the return's)
 * @param executionRate 4 decimals; empty when it cannot be computed
 */
public record ProjectLine(String sheet, String name, String profile, Optional<BigDecimal> executionRate, BigDecimal total, String grade,
                          Optional<BigDecimal> selfTotal, Optional<String> selfGrade) {
    static ProjectLine of(ProjectOutcome outcome, String profile) {
        return new ProjectLine(outcome.sheet(), outcome.name(), profile, outcome.score().executionRate(), outcome.score().total(),
                outcome.score().grade(), outcome.selfTotal(), outcome.selfGrade());
    }
}
