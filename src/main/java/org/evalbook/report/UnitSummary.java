package org.evalbook.report;

import org.evalbook.framework.Decimals;
import java.math.BigDecimal;
import java.util.Optional;
import org.evalbook.check.CheckResult;
import org.evalbook.framework.FieldValues;

/** Who a checked return is from and how it scored, as the reports show it. */
record UnitSummary(String unitCode, String unitName, String year, String profile, Optional<BigDecimal> recomputedTotal,
                   Optional<String> recomputedGrade, Optional<BigDecimal> selfTotal, Optional<String> selfGrade) {

    static UnitSummary of(CheckResult result) {
        Optional<FieldValues> values = result.read().map(r -> r.values());
        return new UnitSummary(text(values, "unit_code"), text(values, "unit_name"),
                values.flatMap(v -> v.number("fiscal_year")).map(Decimals::plain).orElse(""),
                result.profile().orElse(""), result.scores().map(s -> s.total()), result.scores().map(s -> s.grade()),
                values.flatMap(v -> v.number("self_total")), values.flatMap(v -> v.text("self_grade")));
    }

    private static String text(Optional<FieldValues> values, String id) {
        return values.flatMap(v -> v.text(id).or(() -> v.number(id).map(Decimals::plain))).orElse("");
    }
}
