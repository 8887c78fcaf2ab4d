package org.evalbook.check;

import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.Decimals;
import org.evalbook.framework.FieldValues;
import org.evalbook.intake.RawReturn;

/**
 * Who a return is from — worked out here and nowhere else. The signed meta's values when its signature holds (the
 * unit cannot change them unnoticed: C19 says when the visible ones differ), otherwise what the workbook shows,
 * falling back to an unverified meta for what is blank.
 *
 * @param code   单位代码 as text, leading zeros kept ("" when the return names none)
 * @param name   单位名称 ("" when none)
 * @param year   the fiscal year as text ("" when none)
 * @param signed the values come from a meta whose signature holds
 */
public record UnitIdentity(String code, String name, String year, boolean signed) {
    private static final String CODE = "unit_code";
    private static final String NAME = "unit_name";
    private static final String YEAR = "fiscal_year";

    static UnitIdentity of(RawReturn raw, FieldValues values, boolean trusted) {
        Map<String, String> meta = raw.meta();
        if (trusted) {
            return new UnitIdentity(meta.getOrDefault(CODE, ""), meta.getOrDefault(NAME, ""), meta.getOrDefault(YEAR, ""), true);
        }
        return new UnitIdentity(visible(values, CODE).orElse(meta.getOrDefault(CODE, "")),
                visible(values, NAME).orElse(meta.getOrDefault(NAME, "")), visible(values, YEAR).orElse(meta.getOrDefault(YEAR, "")), false);
    }

    /** The unit code a return claims before it is checked (to find its roster row): the meta's, else the visible one. */
    public static Optional<String> claimedCode(RawReturn raw) {
        return Optional.ofNullable(raw.meta().get(CODE)).or(() -> Optional.ofNullable(raw.names().get(CODE))
                .filter(n -> !n.cells().isEmpty()).map(n -> n.cells().get(0).text().strip()));
    }

    public boolean named() {
        return !code.isEmpty();
    }

    private static Optional<String> visible(FieldValues values, String id) {
        return values.text(id).or(() -> values.number(id).map(Decimals::plain)).filter(v -> !v.isBlank());
    }
}
