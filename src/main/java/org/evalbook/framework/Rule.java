package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.List;

/** A scoring rule of a profile entry ({@code indicators.md} §2). Ratios are fractions: 1.00 is 100 %. */
public sealed interface Rule permits Rule.Step, Rule.Bands, Rule.Proportional, Rule.Checklist, Rule.Judgement {

    /** Which side of a threshold is good. */
    enum Side { AT_MOST, AT_LEAST }

    /** How a ratio compares with its target. */
    enum Direction { POSITIVE, NEGATIVE, EQUAL }

    /** {@code max(0, w − penalty · ceil(excess percentage points / per))}. */
    record Step(Side good, BigDecimal threshold, BigDecimal penalty, BigDecimal per) implements Rule {
    }

    /** The first band that holds gives its points; none gives {@code otherwise}. */
    record Bands(List<Band> bands, BigDecimal otherwise) implements Rule {
        public Bands {
            bands = List.copyOf(bands);
        }
    }

    /** One band: the ratio is at least (or at most) {@code limit}. */
    record Band(Side bound, BigDecimal limit, BigDecimal points) {
    }

    /** Score in proportion to the ratio's distance from the target ({@code ratio} in the profile files). */
    record Proportional(Direction direction, BigDecimal target) implements Rule {
    }

    /** Points per item answered 是, in catalogue order. */
    record Checklist(List<BigDecimal> points) implements Rule {
        public Checklist {
            points = List.copyOf(points);
        }
    }

    /** The unit's own score, kept within the band of the level it declares. */
    record Judgement() implements Rule {
    }
}
