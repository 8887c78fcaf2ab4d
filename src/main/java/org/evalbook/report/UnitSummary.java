package org.evalbook.report;

import java.math.BigDecimal;
import java.util.Optional;
import org.evalbook.check.UnitIdentity;
import org.evalbook.pipeline.CheckedReturn;

/** Who a checked return is from and how it scored, as the reports show it. */
record UnitSummary(String unitCode, String unitName, String year, String profile, Optional<BigDecimal> recomputedTotal,
                   Optional<String> recomputedGrade, Optional<BigDecimal> selfTotal, Optional<String> selfGrade) {

    static UnitSummary of(CheckedReturn result) {
        Optional<UnitIdentity> unit = result.unit();
        return new UnitSummary(unit.map(UnitIdentity::code).orElse(""), unit.map(UnitIdentity::name).orElse(""),
                unit.map(UnitIdentity::year).orElse(""), result.scores().map(s -> s.profileId()).orElse(""),
                result.scores().map(s -> s.total()), result.scores().map(s -> s.grade()),
                result.figure("self_total"), result.text("self_grade"));
    }
}
