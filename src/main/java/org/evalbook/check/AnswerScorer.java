package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Figures;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.Rule;

/** Scores the indicators the unit answers itself: checklists (是/否 per item) and judgements (level + score). */
final class AnswerScorer {
    static final String YES = "是";

    private final Framework framework;
    private final FieldValues values;
    private final BlankNames blankNames;

    AnswerScorer(Framework framework, FieldValues values, BlankNames blankNames) {
        this.framework = framework;
        this.values = values;
        this.blankNames = blankNames;
    }

    /** Σ points of the items answered 是; any blank item makes it not computable. */
    IndicatorScore checklist(ProfileEntry entry) {
        Indicator indicator = entry.indicator();
        List<BigDecimal> points = ((Rule.Checklist) entry.rule()).points();
        List<String> blanks = new ArrayList<>();
        List<String> blankItems = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int yes = 0;
        for (int n = 1; n <= points.size(); n++) {
            Optional<String> answer = values.text(indicator.checkName(n));
            if (answer.isEmpty()) {
                blanks.add(indicator.checkName(n));
                blankItems.add(String.valueOf(n));
            } else if (answer.get().equals(YES)) {
                sum = sum.add(points.get(n - 1));
                yes++;
            }
        }
        if (!blanks.isEmpty()) {
            return Scorer.byPolicy(entry, Outcome.MISSING_DATA, entry.edgeCases().missing(), blanks,
                    "第 " + String.join("、", blankItems) + " 项核查项未填（共 " + points.size() + " 项）");
        }
        BigDecimal score = RuleScorer.round(sum);
        return Scorer.scored(entry, Outcome.COMPUTED, Optional.empty(), Optional.of(score), List.of(),
                points.size() + " 项中 " + yes + " 项为“是”，得 " + Figures.score(score) + " 分");
    }

    /**
     * The unit's own score kept within the band of the level it declares: a score above the band counts as the
     * band's top, one below as its bottom (C22 reports the difference).
     */
    IndicatorScore judgement(ProfileEntry entry) {
        Indicator indicator = entry.indicator();
        Optional<BigDecimal> self = values.number(indicator.selfName());
        Optional<String> declared = values.text(indicator.levelName());
        Optional<JudgementLevel> level = declared.flatMap(framework::judgementLevel);
        List<String> blanks = new ArrayList<>();
        if (self.isEmpty()) {
            blanks.add(indicator.selfName());
        }
        if (level.isEmpty()) {
            blanks.add(indicator.levelName());
        }
        if (!blanks.isEmpty()) {
            return Scorer.byPolicy(entry, Outcome.MISSING_DATA, entry.edgeCases().missing(), blanks,
                    "未填或无效：" + blankNames.describe(blanks) + "（达成档次应为" + levelNames() + "之一）");
        }
        BigDecimal weight = entry.weight();
        BigDecimal low = level.get().low(weight);
        BigDecimal high = level.get().high(weight);
        BigDecimal score = RuleScorer.round(self.get().max(low).min(high).max(BigDecimal.ZERO).min(weight));
        return Scorer.scored(entry, Outcome.COMPUTED, Optional.empty(), Optional.of(score), List.of(),
                "自评“" + level.get().level() + "”（" + Figures.score(low) + "–" + Figures.score(high) + " 分），自评 "
                        + Figures.score(self.get()) + " 分，认定 " + Figures.score(score) + " 分");
    }

    private String levelNames() {
        return String.join("、", framework.judgementLevels().stream().map(JudgementLevel::level).toList());
    }
}
