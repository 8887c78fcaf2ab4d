package org.evalbook.report;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.finding.Severity;
import org.evalbook.pipeline.CheckedReturn;

/**
 * A subtotal or grand total of 汇总: units counted, amounts and headcounts summed exactly, and the execution rate of
 * the group taken as Σ 决算数 ÷ Σ 预算数 over the units that have a rate (an average of rates would weigh a small unit
 * like a large one). A column no unit filled stays blank: a blank is not zero.
 */
final class SummaryTotals {
    private final Map<KeyFigure, BigDecimal> sums = new EnumMap<>(KeyFigure.class);
    private BigDecimal rateNumerator = BigDecimal.ZERO;
    private BigDecimal rateDenominator = BigDecimal.ZERO;
    private int units;
    private int returned;
    private long errors;
    private long warnings;

    void add(UnitResult unit) {
        units++;
        unit.adopted().ifPresent(this::add);
    }

    private void add(CheckedReturn adopted) {
        returned++;
        errors += adopted.count(Severity.ERROR);
        warnings += adopted.count(Severity.WARNING);
        for (KeyFigure figure : KeyFigure.values()) {
            if (figure.summed()) {
                figure.of(adopted).ifPresent(v -> sums.merge(figure, v, BigDecimal::add));
            }
        }
        KeyFigure.rateDenominator(adopted).ifPresent(d -> {
            rateDenominator = rateDenominator.add(d);
            rateNumerator = rateNumerator.add(adopted.figure(KeyFigure.FINAL).orElseThrow());
        });
    }

    Optional<BigDecimal> value(KeyFigure figure) {
        if (figure.summed()) {
            return Optional.ofNullable(sums.get(figure));
        }
        return rateDenominator.signum() == 0 ? Optional.empty() : Optional.of(KeyFigure.rate(rateNumerator, rateDenominator));
    }

    int units() {
        return units;
    }

    int returned() {
        return returned;
    }

    long errors() {
        return errors;
    }

    long warnings() {
        return warnings;
    }
}
