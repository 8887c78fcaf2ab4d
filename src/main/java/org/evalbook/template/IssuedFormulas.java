package org.evalbook.template;

import java.util.LinkedHashMap;
import java.util.Map;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProfileEntry;

/**
 * What every computed name of an issued workbook holds: the formula the template writes, or the 不适用 text of an
 * indicator the profile does not use. The template writes these; the checks compare returns against them (C18).
 */
public final class IssuedFormulas {
    /** A computed cell as issued: a formula (array or not), or a fixed text when {@code formula} is empty. */
    public record Issued(String formula, boolean array, String text) {
    }

    private IssuedFormulas() {
    }

    public static Map<String, Issued> of(Framework framework, Profile profile) {
        ExcelFormulas formulas = new ExcelFormulas(framework);
        Map<String, Issued> issued = new LinkedHashMap<>();
        for (Indicator indicator : framework.indicators()) {
            var entry = profile.entry(indicator.id());
            if (entry.isEmpty()) {
                if (indicator.kind() == IndicatorKind.RATE) {
                    issued.put(indicator.rateName(), new Issued("", false, ExcelFormulas.NOT_APPLICABLE));
                }
                issued.put(indicator.scoreName(), new Issued("", false, ExcelFormulas.NOT_APPLICABLE));
                continue;
            }
            issued.putAll(of(formulas, entry.get()));
        }
        issued.put("score_total", new Issued(formulas.total(profile), false, ""));
        issued.put("grade", new Issued(formulas.grade(), false, ""));
        return issued;
    }

    /**
     * A fingerprint of the rules a workbook is issued under (SHA-256 of every computed name's formula): equal for the
     * same framework and profile, different as soon as a weight, rule or formula changes.
     */
    public static String fingerprint(Framework framework, Profile profile) {
        StringBuilder text = new StringBuilder();
        of(framework, profile).forEach((name, issued) -> text.append(name).append('=').append(issued.formula())
                .append('|').append(issued.text()).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Map<String, Issued> of(ExcelFormulas formulas, ProfileEntry entry) {
        Indicator indicator = entry.indicator();
        Map<String, Issued> issued = new LinkedHashMap<>();
        switch (indicator.kind()) {
            case RATE -> {
                var formula = entry.formula().orElseThrow().formula();
                boolean array = ExcelFormulas.needsArray(formula);
                issued.put(indicator.rateName(), new Issued(formulas.rate(formula), array, ""));
                issued.put(indicator.scoreName(), new Issued(formulas.rateScore(entry), array, ""));
            }
            case CHECKLIST -> issued.put(indicator.scoreName(), new Issued(formulas.checklistScore(entry), false, ""));
            case JUDGEMENT -> issued.put(indicator.scoreName(), new Issued(formulas.judgementScore(entry), false, ""));
        }
        return issued;
    }
}
