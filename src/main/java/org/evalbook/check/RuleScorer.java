package org.evalbook.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.evalbook.framework.Rule;

/** Applies a rate rule to a ratio already rounded to 4 decimals; scores come out rounded to 2 decimals. */
final class RuleScorer {
    static final int SCORE_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RuleScorer() {
    }

    static BigDecimal score(Rule rule, BigDecimal weight, BigDecimal ratio) {
        BigDecimal points;
        if (rule instanceof Rule.Step step) {
            points = step(step, weight, ratio);
        } else if (rule instanceof Rule.Bands bands) {
            points = bands(bands, ratio);
        } else if (rule instanceof Rule.Proportional proportional) {
            points = proportional(proportional, weight, ratio);
        } else {
            throw new IllegalArgumentException("not a rate rule: " + rule);
        }
        return round(points);
    }

    static BigDecimal round(BigDecimal points) {
        return points.setScale(SCORE_SCALE, RoundingMode.HALF_UP);
    }

    /** {@code max(0, w − p · ceil(points beyond the threshold / per))}. */
    private static BigDecimal step(Rule.Step step, BigDecimal weight, BigDecimal ratio) {
        BigDecimal beyond = step.good() == Rule.Side.AT_MOST ? ratio.subtract(step.threshold())
                : step.threshold().subtract(ratio);
        if (beyond.signum() <= 0) {
            return weight;
        }
        BigDecimal steps = beyond.multiply(HUNDRED).divide(step.per(), 0, RoundingMode.CEILING);
        return weight.subtract(step.penalty().multiply(steps)).max(BigDecimal.ZERO);
    }

    private static BigDecimal bands(Rule.Bands bands, BigDecimal ratio) {
        for (Rule.Band band : bands.bands()) {
            int c = ratio.compareTo(band.limit());
            if (band.bound() == Rule.Side.AT_LEAST ? c >= 0 : c <= 0) {
                return band.points();
            }
        }
        return bands.otherwise();
    }

    private static BigDecimal proportional(Rule.Proportional rule, BigDecimal weight, BigDecimal ratio) {
        BigDecimal target = rule.target();
        BigDecimal fraction = switch (rule.direction()) {
            case POSITIVE -> ratio.divide(target, MathContext.DECIMAL128).min(BigDecimal.ONE);
            case NEGATIVE -> ratio.signum() <= 0 ? BigDecimal.ONE
                    : target.divide(ratio, MathContext.DECIMAL128).min(BigDecimal.ONE);
            case EQUAL -> BigDecimal.ONE.subtract(ratio.subtract(target).abs().divide(target, MathContext.DECIMAL128))
                    .max(BigDecimal.ZERO);
        };
        return weight.multiply(fraction.max(BigDecimal.ZERO));
    }
}
