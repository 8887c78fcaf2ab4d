package org.evalbook.framework;

import java.math.BigDecimal;

/**
 * A declared level of a judgement indicator and its band as fractions of the weight: [from, to), or
 * [from, to] when {@code toInclusive}.
 */
public record JudgementLevel(String level, BigDecimal from, BigDecimal to, boolean toInclusive) {
}
