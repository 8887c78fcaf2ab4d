package org.evalbook.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.framework.FieldValues;

/**
 * A return as evalbook understands it: the unit's values by field id, where each came from, and what reading them
 * raised. Computed cells (rates, scores, totals, grade) are kept as found, for the formula-integrity check.
 *
 * @param sources  by field id, or {@code column[row]} for a table cell
 * @param computed the computed names as found (formula text and cached value), by id
 */
public record ReadReturn(RawReturn raw, FieldValues values, Map<String, CellSource> sources, Map<String, RawCell> computed,
                         List<Finding> findings) {
    public ReadReturn {
        sources = Map.copyOf(sources);
        // Ordered as read: findings about computed cells list them in the same order on every run.
        computed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(computed));
        findings = List.copyOf(findings);
    }

    public String file() {
        return raw.file();
    }

    /** The cell a field (or {@code column[row]}) was read from. */
    public Optional<String> where(String field) {
        return Optional.ofNullable(sources.get(field)).map(CellSource::ref);
    }
}
