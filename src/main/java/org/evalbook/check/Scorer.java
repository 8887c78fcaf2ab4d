package org.evalbook.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Figures;
import org.evalbook.framework.EdgePolicy;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProfileEntry;

/** The scoring engine: one unit's values under one profile give every rate, score, the total and the grade. */
public final class Scorer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Framework framework;
    private final Profile profile;
    private final BlankNames blankNames;

    public Scorer(Framework framework, Profile profile) {
        this.framework = framework;
        this.profile = profile;
        this.blankNames = new BlankNames(framework);
    }

    public ScoreSheet score(FieldValues values) {
        RateCalculator rates = new RateCalculator(framework, values);
        AnswerScorer answers = new AnswerScorer(framework, values, blankNames);
        List<IndicatorScore> scores = new ArrayList<>();
        for (ProfileEntry entry : profile.entries()) {
            scores.add(switch (entry.indicator().kind()) {
                case RATE -> fromRate(entry, rates.compute(entry.formula().orElseThrow().formula()));
                case CHECKLIST -> answers.checklist(entry);
                case JUDGEMENT -> answers.judgement(entry);
            });
        }
        BigDecimal points = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (IndicatorScore score : scores) {
            if (score.score().isPresent()) {
                points = points.add(score.score().get());
                weights = weights.add(score.weight());
            }
        }
        BigDecimal total = weights.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : points.multiply(HUNDRED).divide(weights, 2, RoundingMode.HALF_UP);
        return new ScoreSheet(profile.id(), displayNames(scores), total, framework.gradeFor(total), weights);
    }

    /** Two indicators that share a name (管理制度健全性) are told apart by their 二级. */
    private List<IndicatorScore> displayNames(List<IndicatorScore> scores) {
        FrameworkIndex index = FrameworkIndex.of(framework);
        java.util.Map<String, String> display = index.displayNames;
        List<IndicatorScore> named = new ArrayList<>();
        for (IndicatorScore s : scores) {
            String catalogueName = Optional.ofNullable(index.catalogueNames.get(s.indicatorId())).orElseThrow();
            String name = s.name().equals(catalogueName) ? display.get(s.indicatorId()) : s.name();
            named.add(new IndicatorScore(s.indicatorId(), name, s.weight(), s.outcome(), s.rate(), s.score(), s.blankInputs(), s.note()));
        }
        return named;
    }

    private IndicatorScore fromRate(ProfileEntry entry, Rate rate) {
        if (rate instanceof Rate.Value value) {
            BigDecimal score = RuleScorer.score(entry.rule(), entry.weight(), value.ratio());
            return scored(entry, Outcome.COMPUTED, Optional.of(value.ratio()), Optional.of(score), List.of(),
                    value.working() + "，得 " + Figures.score(score) + " 分");
        }
        if (rate instanceof Rate.ZeroOverZero zero) {
            return byPolicy(entry, Outcome.ZERO_OVER_ZERO, entry.edgeCases().zeroOverZero(), List.of(),
                    zero.working() + "（0/0）");
        }
        if (rate instanceof Rate.XOverZero x) {
            return byPolicy(entry, Outcome.X_OVER_ZERO, entry.edgeCases().xOverZero(), List.of(),
                    x.working() + "（分母为 0，无法计算）");
        }
        Rate.Missing missing = (Rate.Missing) rate;
        return byPolicy(entry, Outcome.MISSING_DATA, entry.edgeCases().missing(), missing.blanks(),
                "缺少数据：" + blankNames.describe(missing.blanks()));
    }

    /** The score a profile's edge-case policy gives, with the reason. */
    static IndicatorScore byPolicy(ProfileEntry entry, Outcome outcome, EdgePolicy policy, List<String> blanks,
                                   String reason) {
        if (policy == EdgePolicy.NOT_APPLICABLE) {
            return scored(entry, Outcome.NOT_APPLICABLE, Optional.empty(), Optional.empty(), blanks,
                    reason + "；按方案规则不适用，不计入总分");
        }
        BigDecimal score = RuleScorer.round(policy == EdgePolicy.FULL ? entry.weight() : BigDecimal.ZERO);
        String points = policy == EdgePolicy.FULL ? "满分（" + Figures.score(score) + " 分）" : " " + Figures.score(score) + " 分";
        return scored(entry, outcome, Optional.empty(), Optional.of(score), blanks, reason + "；按方案规则计" + points);
    }

    static IndicatorScore scored(ProfileEntry entry, Outcome outcome, Optional<BigDecimal> rate,
                                 Optional<BigDecimal> score, List<String> blanks, String note) {
        return new IndicatorScore(entry.indicator().id(), entry.name(), entry.weight(), outcome, rate, score, blanks, note);
    }
}
