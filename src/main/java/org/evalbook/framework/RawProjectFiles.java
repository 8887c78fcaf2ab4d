package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;

/** The project form's own files as written ({@code indicators.yaml}, profiles), before validation. */
final class RawProjectFiles {
    private RawProjectFiles() {
    }

    record Indicators(Execution execution, List<Level> levels, List<Op> operators, List<RawFiles.Level> judgementLevels,
                      String overTarget) {
    }

    record Execution(String name, String numerator, String denominator) {
    }

    record Level(String level, List<String> level2, String direction) {
    }

    record Op(String symbol, String kind, List<String> also) {
    }

    record Checks(List<RawFiles.Sum> sums, Parameters parameters) {
    }

    record Parameters(BigDecimal roundingPerTwoParts, BigDecimal scoreTolerance) {
    }

    record Profile(String id, String name, String description, BigDecimal execution, LinkedHashMap<String, BigDecimal> levels) {
    }
}
