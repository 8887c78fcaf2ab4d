package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Figures;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.ProfileEntry;

/**
 * The unit's self-assessment against the recomputation: C14 (above the weight, different from the rules, totals and
 * grade), C15 (no 扣分原因), C16 (full marks although the metric misses the target), C22 (outside the declared
 * level's band), C23 (cannot be computed) and C21 (a rate outside 0 %–200 %).
 */
final class ScoreChecks {
    private ScoreChecks() {
    }

    static List<Finding> run(Checked c) {
        List<Finding> findings = new ArrayList<>();
        List<String> noReason = new ArrayList<>();
        BigDecimal selfSum = BigDecimal.ZERO;
        boolean allSelf = true;
        for (ProfileEntry entry : c.profile.entries()) {
            Indicator indicator = entry.indicator();
            IndicatorScore score = c.scores.indicator(indicator.id()).orElseThrow();
            if (score.outcome() == Outcome.MISSING_DATA || score.outcome() == Outcome.X_OVER_ZERO
                    || score.outcome() == Outcome.NOT_APPLICABLE && !score.blankInputs().isEmpty()) {
                // One finding per indicator: each names its own blank inputs, and a long list reads one line each.
                findings.add(c.finding(FindingCode.C23, Severity.WARNING, List.of(indicator.id()), score.blankInputs(), "", "",
                        score.name() + " 无法按公式计算（" + score.note() + "）。请补齐相关数据，或在情况说明中说明原因。"));
            }
            score.rate().filter(r -> !isChangeRate(entry)).filter(r -> r.compareTo(c.framework.checkParameters().rateFrom()) < 0
                    || r.compareTo(c.framework.checkParameters().rateTo()) > 0).ifPresent(r -> findings.add(c.finding(FindingCode.C21,
                    Severity.WARNING, List.of(indicator.rateName()), range(c), Figures.percent(r), score.name() + " 计算值为 "
                            + Figures.percent(r) + "，超出 " + range(c) + " 的合理范围。请核对分子、分母是否填错或单位不一致。").withValues(null, r)));
            Optional<BigDecimal> self = c.number(indicator.selfName());
            if (self.isEmpty()) {
                allSelf = false;
                continue;
            }
            selfSum = selfSum.add(self.get());
            selfScore(c, entry, score, self.get(), findings);
            if (self.get().compareTo(entry.weight()) < 0 && c.text(indicator.reasonName()).filter(t -> !t.isBlank()).isEmpty()) {
                noReason.add(indicator.reasonName());
            }
        }
        if (!noReason.isEmpty()) {
            findings.add(c.finding(FindingCode.C15, Severity.WARNING, noReason, "扣分原因", "空", "自评得分低于分值但未写扣分原因（"
                    + noReason.size() + " 项）：" + String.join("、", noReason.stream().map(c::label).toList()) + "。请写明扣分原因。"));
        }
        totals(c, selfSum, allSelf, findings);
        return findings;
    }

    /** The plausible range of a rate, as the check parameters set it. */
    private static String range(Checked c) {
        return Figures.percent(c.framework.checkParameters().rateFrom()) + "–" + Figures.percent(c.framework.checkParameters().rateTo());
    }

    /** A rate of change (its numerator subtracts): negative values are normal, so no 0 %–200 % range applies. */
    private static boolean isChangeRate(ProfileEntry entry) {
        return entry.formula().map(f -> f.formula() instanceof org.evalbook.framework.Formula.Ratio ratio
                && ratio.numerator().terms().stream().anyMatch(t -> t.sign() < 0)).orElse(false);
    }

    private static void selfScore(Checked c, ProfileEntry entry, IndicatorScore score, BigDecimal self, List<Finding> findings) {
        Indicator indicator = entry.indicator();
        List<String> ids = List.of(indicator.selfName());
        String name = score.name();
        if (self.compareTo(entry.weight()) > 0 || self.signum() < 0) {
            findings.add(c.finding(FindingCode.C14, Severity.ERROR, ids, "0–" + Figures.score(entry.weight()), Figures.score(self),
                    name + " 自评 " + Figures.score(self) + " 分，不在 0 到分值 " + Figures.score(entry.weight()) + " 分之间。请改正。")
                    .withValues(null, self));
            return;
        }
        if (indicator.kind() == IndicatorKind.JUDGEMENT) {
            c.text(indicator.levelName()).flatMap(c.framework::judgementLevel).ifPresent(level -> judgement(c, entry, level, self, findings));
            return;
        }
        BigDecimal recomputed = score.score().orElse(null);
        if (recomputed == null || self.subtract(recomputed).abs().compareTo(c.framework.checkParameters().scoreTolerance()) <= 0) {
            return;
        }
        boolean misses = indicator.kind() == IndicatorKind.RATE && score.outcome().isComputed()
                && self.compareTo(entry.weight()) == 0 && recomputed.compareTo(entry.weight()) < 0;
        if (misses) {
            findings.add(c.finding(FindingCode.C16, Severity.ERROR, List.of(indicator.selfName(), indicator.rateName()),
                    Figures.score(recomputed), Figures.score(self), name + " 自评满分 " + Figures.score(self) + " 分，但指标值 "
                            + score.rate().map(Figures::percent).orElse("") + " 未达到评分标准，按规则应得 " + Figures.score(recomputed)
                            + " 分（" + score.note() + "）。请按评分标准重新评分。").withValues(recomputed, self));
            return;
        }
        Severity severity = score.outcome().isComputed() ? Severity.ERROR : Severity.WARNING;
        findings.add(c.finding(FindingCode.C14, severity, ids, Figures.score(recomputed), Figures.score(self),
                name + " 自评 " + Figures.score(self) + " 分，按评分规则复核为 " + Figures.score(recomputed) + " 分（" + score.note()
                        + "）。请核对" + (severity == Severity.ERROR ? "并改正。" : "；数据不全的请补齐。")).withValues(recomputed, self));
    }

    private static void judgement(Checked c, ProfileEntry entry, JudgementLevel level, BigDecimal self, List<Finding> findings) {
        BigDecimal low = level.low(entry.weight());
        BigDecimal high = level.high(entry.weight());
        if (self.compareTo(low) < 0 || self.compareTo(high) > 0) {
            Indicator indicator = entry.indicator();
            findings.add(c.finding(FindingCode.C22, Severity.ERROR, List.of(indicator.selfName(), indicator.levelName()),
                    Figures.score(low) + "–" + Figures.score(high), Figures.score(self), entry.name() + " 自评“" + level.level() + "”，该档得分应在 "
                            + Figures.score(low) + "–" + Figures.score(high) + " 分之间，实填 " + Figures.score(self) + " 分。请调整得分或档次。")
                    .withValues(null, self));
        }
    }

    private static void totals(Checked c, BigDecimal selfSum, boolean allSelf, List<Finding> findings) {
        Optional<BigDecimal> total = c.number("self_total");
        if (total.isPresent() && allSelf && total.get().subtract(selfSum).abs().compareTo(c.framework.checkParameters().scoreTolerance()) > 0) {
            findings.add(c.finding(FindingCode.C14, Severity.ERROR, List.of("self_total"), Figures.score(selfSum), Figures.score(total.get()),
                    "自评总分 " + Figures.score(total.get()) + " ≠ 各指标自评得分之和 " + Figures.score(selfSum) + "。请改正。")
                    .withValues(selfSum, total.get()));
        }
        Optional<String> grade = c.text("self_grade");
        if (total.isPresent() && grade.isPresent() && !grade.get().equals(c.framework.gradeFor(total.get()))) {
            findings.add(c.finding(FindingCode.C14, Severity.ERROR, List.of("self_grade"), c.framework.gradeFor(total.get()), grade.get(),
                    "自评等级“" + grade.get() + "”与自评总分 " + Figures.score(total.get()) + " 对应的等级“" + c.framework.gradeFor(total.get())
                            + "”不符。请改正。"));
        }
    }
}
