package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.Figures;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.intake.ReadReturn;

/** One return under check: its values, where they came from, the recomputed scores, and how to word a finding. */
final class Checked {
    final Framework framework;
    final Profile profile;
    final ReadReturn read;
    final ScoreSheet scores;
    /** The return was issued under other rules (the profile was edited since): its formulas legitimately differ. */
    final boolean rulesChanged;
    /** How cells are listed: sheet, row, column. */
    final ReadingOrder order;
    /** A name's label as this profile words it, by id. */
    private final Map<String, String> labels;
    private final Map<String, String> units;
    private final FrameworkIndex index;

    Checked(Framework framework, Profile profile, ReadReturn read, ScoreSheet scores) {
        this.framework = framework;
        this.profile = profile;
        this.read = read;
        this.scores = scores;
        Rules rules = Rules.of(framework, profile);
        String issuedRules = read.raw().meta().getOrDefault("rules", "");
        this.rulesChanged = !issuedRules.isEmpty() && !issuedRules.equals(rules.fingerprint);
        this.order = rules.index.order;
        this.labels = rules.labels;
        this.units = rules.index.units;
        this.index = rules.index;
    }

    /** The framework's look-ups (a field by id …), built once per framework. */
    FrameworkIndex index() {
        return index;
    }

    /**
     * What wording a finding and comparing the issued rules need of a framework and profile: the same for every return
     * under them, so built once ({@link PerRules}) — the fingerprint alone regenerates every issued formula.
     */
    private static final class Rules {
        private static final PerRules<Rules> BUILT = new PerRules<>();

        final FrameworkIndex index;
        final String fingerprint;
        /** The framework's labels, an indicator's catalogue name replaced by the name the profile gives it. */
        final Map<String, String> labels;

        private Rules(Framework framework, Profile profile) {
            this.index = FrameworkIndex.of(framework);
            this.fingerprint = org.evalbook.template.IssuedFormulas.fingerprint(framework, profile);
            Map<String, String> worded = new HashMap<>(index.labels);
            for (var entry : profile.entries()) {
                String catalogueName = entry.indicator().name();
                if (!entry.name().equals(catalogueName)) {
                    worded.replaceAll((id, label) -> id.endsWith("_" + entry.indicator().id()) ? label.replace(catalogueName, entry.name()) : label);
                }
            }
            this.labels = java.util.Collections.unmodifiableMap(worded);
        }

        static Rules of(Framework framework, Profile profile) {
            return BUILT.get(framework, profile, () -> new Rules(framework, profile));
        }
    }

    Optional<BigDecimal> number(String id) {
        return read.values().number(id);
    }

    Optional<String> text(String id) {
        return read.values().text(id);
    }

    /** The label a unit sees for a field id, or {@code column[row]} as 表·列（第 n 行）. */
    String label(String id) {
        int bracket = id.indexOf('[');
        if (bracket > 0) {
            return labels.getOrDefault(id.substring(0, bracket), id) + "（第 " + id.substring(bracket + 1, id.length() - 1) + " 行）";
        }
        return labels.getOrDefault(id, id);
    }

    /** A field's value as a person reads it, by the field's unit (万元 with two decimals, % …; see {@link Figures}). */
    String shown(String id, BigDecimal value) {
        int bracket = id.indexOf('[');
        return Figures.of(units.getOrDefault(bracket > 0 ? id.substring(0, bracket) : id, ""), value);
    }

    /** The cells the fields were read from (those that have one), as 基础数据表!B5, in reading order. */
    List<String> cells(List<String> ids) {
        List<String> cells = new ArrayList<>();
        for (String id : ids) {
            read.where(id).or(() -> java.util.Optional.ofNullable(read.computed().get(id)).map(org.evalbook.intake.RawCell::ref))
                    .ifPresent(cells::add);
        }
        return order.sorted(cells);
    }

    /** A finding about fields: located at their cells. */
    Finding finding(FindingCode code, Severity severity, List<String> ids, String expected, String actual, String message) {
        return finding(code, severity, ids, ids, expected, actual, message);
    }

    /** A finding about some fields, located at the cells of others (an indicator at its blank inputs). */
    Finding finding(FindingCode code, Severity severity, List<String> ids, List<String> cellIds, String expected, String actual,
                    String message) {
        List<String> cells = cells(cellIds);
        String sheet = cells.isEmpty() ? "" : cells.get(0).substring(0, cells.get(0).lastIndexOf('!'));
        // The message opens at what it is about (the report's sentence for C17), the list is in reading order.
        List<String> subject = cellIds.isEmpty() ? List.of() : cells(cellIds.subList(0, 1));
        String where = cells.isEmpty() ? "" : (subject.isEmpty() ? cells.get(0) : subject.get(0)) + " ";
        return new Finding(code, severity, read.file(), sheet, cells, String.join(",", ids), expected, actual, where + message);
    }
}
