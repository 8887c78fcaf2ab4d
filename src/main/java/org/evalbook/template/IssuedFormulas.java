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
    /** A computed cell as issued: a formula, or a fixed text when {@code formula} is empty. */
    public record Issued(String formula, String text) {
    }

    /**
     * How a version of evalbook spelled the computed cells. Returns issued under each are still in use, so a return's
     * formulas are accepted in any of them; they compute the same scores wherever the rules' inputs are typed.
     */
    public enum Spelling {
        /** Table aggregates as array formulas, the missing-data score shown; the rules fingerprint is taken over this. */
        FIRST(Aggregates.ARRAY_FORMULA, WhileMissing.POLICY_SCORE),
        /** Table aggregates without array entry, the missing-data score shown. */
        SUMPRODUCT(Aggregates.SUMPRODUCT, WhileMissing.POLICY_SCORE),
        /** Today's: a score, the total and the grade stay blank while an input the rule needs is blank. */
        BLANK_UNTIL_TYPED(Aggregates.SUMPRODUCT, WhileMissing.BLANK);

        /** The spelling the template writes today. */
        public static final Spelling CURRENT = BLANK_UNTIL_TYPED;

        private final Aggregates aggregates;
        private final WhileMissing whileMissing;

        Spelling(Aggregates aggregates, WhileMissing whileMissing) {
            this.aggregates = aggregates;
            this.whileMissing = whileMissing;
        }

        /** Whether a score with a blank input shows blank (rather than the profile's missing-data score). */
        public boolean blankWhileMissing() {
            return whileMissing == WhileMissing.BLANK;
        }

        ExcelFormulas formulas(Framework framework) {
            return new ExcelFormulas(framework, aggregates, whileMissing);
        }
    }

    private IssuedFormulas() {
    }

    /** The computed cells as the template writes them today. */
    public static Map<String, Issued> of(Framework framework, Profile profile) {
        return of(framework, profile, Spelling.CURRENT);
    }

    /** The computed cells as {@code spelling} writes them (earlier returns hold the earlier spellings). */
    public static Map<String, Issued> of(Framework framework, Profile profile, Spelling spelling) {
        ExcelFormulas formulas = spelling.formulas(framework);
        Map<String, Issued> issued = new LinkedHashMap<>();
        for (Indicator indicator : framework.indicators()) {
            var entry = profile.entry(indicator.id());
            if (entry.isEmpty()) {
                if (indicator.kind() == IndicatorKind.RATE) {
                    issued.put(indicator.rateName(), new Issued("", ExcelFormulas.NOT_APPLICABLE));
                }
                issued.put(indicator.scoreName(), new Issued("", ExcelFormulas.NOT_APPLICABLE));
                continue;
            }
            issued.putAll(of(formulas, entry.get()));
        }
        issued.put("score_total", new Issued(formulas.total(profile), ""));
        issued.put("grade", new Issued(formulas.grade(), ""));
        return issued;
    }

    /**
     * A fingerprint of the rules a workbook is issued under (SHA-256 of every computed name's formula): equal for the
     * same framework and profile, different as soon as a weight, rule or formula changes. It is taken over one fixed
     * spelling of the formulas, the first ({@link Spelling#FIRST}), so that it names the rules, not how a version of
     * evalbook spells them: returns issued under every earlier spelling keep verifying.
     */
    public static String fingerprint(Framework framework, Profile profile) {
        StringBuilder text = new StringBuilder();
        of(framework, profile, Spelling.FIRST).forEach((name, issued) -> text.append(name).append('=')
                .append(issued.formula()).append('|').append(issued.text()).append('\n'));
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
                issued.put(indicator.rateName(), new Issued(formulas.rate(entry.formula().orElseThrow().formula()), ""));
                issued.put(indicator.scoreName(), new Issued(formulas.rateScore(entry), ""));
            }
            case CHECKLIST -> issued.put(indicator.scoreName(), new Issued(formulas.checklistScore(entry), ""));
            case JUDGEMENT -> issued.put(indicator.scoreName(), new Issued(formulas.judgementScore(entry), ""));
        }
        return issued;
    }
}
