package org.evalbook.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldRoles;
import org.evalbook.framework.TableRow;

/**
 * The 情况说明 table (checks.yaml: explanations): a warning whose code, field, or the label the unit sees is named in 涉及项目 is shown as
 * explained, with the unit's text. Errors stay errors: they need correcting, not explaining.
 */
final class Explanations {
    private Explanations() {
    }

    static List<Finding> apply(Checked c, List<Finding> findings) {
        Optional<FieldRoles.ExplanationColumns> columns = c.framework.roles().explanations();
        List<TableRow> rows = columns.map(e -> c.read.values().rows(e.table())).orElse(List.of());
        if (rows.isEmpty()) {
            return findings;
        }
        List<Finding> explained = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<String> text = finding.severity() == Severity.WARNING ? explanation(c, finding, columns.get(), rows) : Optional.empty();
            explained.add(text.map(finding::explainedBy).orElse(finding));
        }
        return explained;
    }

    private static Optional<String> explanation(Checked c, Finding finding, FieldRoles.ExplanationColumns columns, List<TableRow> rows) {
        for (TableRow row : rows) {
            Optional<String> ref = row.text(columns.refersTo()).map(String::strip).filter(r -> !r.isEmpty());
            Optional<String> text = row.text(columns.text()).map(String::strip).filter(t -> !t.isEmpty());
            if (ref.isEmpty() || text.isEmpty()) {
                continue;
            }
            if (matches(ref.get(), c, finding)) {
                return text;
            }
        }
        return Optional.empty();
    }

    /**
     * 涉及项目 names a finding when it contains the finding's code (C10, "C10 预算执行率"), or names one of its fields or
     * indicators (by id or by the label the unit sees), or says 尾差 for a rounding difference.
     */
    private static boolean matches(String ref, Checked c, Finding finding) {
        String normal = ref.replaceAll("[\\s\u3000]", "");
        if (normal.toUpperCase(java.util.Locale.ROOT).contains(finding.code().name())) {
            return true;
        }
        if (normal.contains("尾差") && finding.message().contains("尾差")) {
            return true;
        }
        return names(c, finding).stream().filter(n -> n.length() >= 2).anyMatch(n -> normal.equals(n) || normal.contains(n));
    }

    /** What a unit may write in 涉及项目 for a finding: each field id and its label (with and without the period). */
    private static List<String> names(Checked c, Finding finding) {
        List<String> names = new ArrayList<>();
        for (String id : finding.field().split(",")) {
            if (id.isBlank()) {
                continue;
            }
            names.add(id);
            c.framework.indicator(id).ifPresent(i -> names.add(i.name()));
            c.profile.entry(id).ifPresent(e -> names.add(e.name()));
            String label = c.label(id);
            names.add(label);
            if (label.contains("·")) {
                names.add(label.substring(label.indexOf('·') + 1));
                names.add(label.substring(label.indexOf('·') + 1).replace("其中：", ""));
            }
        }
        return names;
    }
}
