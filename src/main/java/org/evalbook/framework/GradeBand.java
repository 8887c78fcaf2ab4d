package org.evalbook.framework;

import java.math.BigDecimal;

/** A grade (优 良 中 差) and the lowest total that earns it. */
public record GradeBand(String grade, BigDecimal atLeast) {
}
