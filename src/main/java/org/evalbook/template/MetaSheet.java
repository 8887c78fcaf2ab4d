package org.evalbook.template;

import org.evalbook.signing.SigningKey;
import org.evalbook.signing.IssueSignature;
import org.evalbook.signing.IssueIdentity;

import org.evalbook.framework.Decimals;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The hidden, protected sheet that says what the workbook was issued for, signed with the bureau's key
 * ({@link IssueSignature}). One {@code key | value} row each; a blank template carries no unit and no signature.
 */
final class MetaSheet {
    static final String NAME = IssueIdentity.META_SHEET;

    private final Context context;
    private final SigningKey key;

    MetaSheet(Context context, SigningKey key) {
        this.context = context;
        this.key = key;
    }

    /** What the meta sheet holds, in order: the issue's identity and, for a unit, its signature. */
    static Map<String, String> values(Framework framework, Profile profile, Optional<UnitIssue> issue, SigningKey key) {
        return values(framework, profile, IssuedFormulas.fingerprint(framework, profile), issue, key);
    }

    /** As {@link #values(Framework, Profile, Optional, SigningKey)}, with the profile's rules fingerprint known. */
    static Map<String, String> values(Framework framework, Profile profile, String rules, Optional<UnitIssue> issue, SigningKey key) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("framework_id", framework.id());
        values.put("framework_version", framework.version());
        values.put("profile", profile.id());
        values.put("rules", rules);
        issue.ifPresent(unit -> sign(values, unit, prefilled(unit), key));
        return values;
    }

    /**
     * Adds a unit's identity, the roster values it cannot change and the signature over all of {@code values} — the
     * same for every form of workbook, so that one check verifies them all.
     */
    static void sign(Map<String, String> values, UnitIssue unit, Map<String, String> prefilled, SigningKey key) {
        values.put("unit_code", unit.unitCode());
        values.put("unit_name", unit.unitName());
        values.put("fiscal_year", String.valueOf(unit.fiscalYear()));
        values.put("issued_at", DateTimeFormatter.ISO_INSTANT.format(unit.issuedAt()));
        values.put("key_id", key.id());
        values.put("prefilled", IssueSignature.prefilled(prefilled));
        values.put("signature", IssueSignature.sign(values, key));
    }

    /** The roster's values the unit cannot change, other than the identity signed on its own. */
    private static Map<String, String> prefilled(UnitIssue issue) {
        Map<String, String> values = new LinkedHashMap<>();
        issue.prefill().texts().forEach((id, text) -> values.put(id, text));
        issue.prefill().numbers().forEach((id, number) -> values.put(id, Decimals.plain(number)));
        java.util.List.of("unit_code", "unit_name", "fiscal_year").forEach(values::remove);
        UnitIssue.EDITABLE_DEFAULTS.forEach(values::remove);
        return values;
    }

    XSSFSheet write() {
        Map<String, String> values = values(context.framework, context.profile, context.issue, key);
        Grid grid = new Grid(context.workbook.createSheet(NAME), context.styles);
        grid.widths(20, 70);
        int row = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            grid.text(row, 0, entry.getKey(), Styles.Kind.LOCKED_TEXT);
            grid.text(row++, 1, entry.getValue(), Styles.Kind.LOCKED_TEXT);
        }
        context.workbook.setSheetVisibility(context.workbook.getSheetIndex(NAME), SheetVisibility.VERY_HIDDEN);
        return grid.sheet();
    }
}
