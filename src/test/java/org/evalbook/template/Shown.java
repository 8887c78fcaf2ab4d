package org.evalbook.template;

import org.evalbook.check.IndicatorScore;
import org.evalbook.check.ScoreSheet;

/**
 * What an issued workbook shows for the engine's result: a rule score is blank while an input its rule needs is blank
 * (the engine then applies the profile's missing-data rule), the total and grade while any score is; otherwise the
 * engine's value, and 不适用 for a score the profile's policy drops.
 */
final class Shown {
    private Shown() {
    }

    static Object score(IndicatorScore score) {
        return score.blankInputs().isEmpty() ? score.score().<Object>map(s -> s).orElse(ExcelFormulas.NOT_APPLICABLE) : null;
    }

    static Object total(ScoreSheet engine) {
        return waiting(engine) ? null : engine.total();
    }

    static Object grade(ScoreSheet engine) {
        return waiting(engine) ? null : engine.grade();
    }

    private static boolean waiting(ScoreSheet engine) {
        return engine.indicators().stream().anyMatch(i -> !i.blankInputs().isEmpty());
    }
}
