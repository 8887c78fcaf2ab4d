package org.evalbook.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.framework.FieldValues;

/**
 * One project sheet as evalbook understands it: its pj_ fields and indicator rows, where each came from, its computed
 * cells as found, and what reading them raised.
 *
 * @param sheet    the sheet's name as it is in the file
 * @param sources  by field id, or {@code column[row]} for an indicator cell
 * @param computed the computed cells as found (pj_exec_rate, pj_score_total, pj_grade …; {@code pi_score[row]} per
 *                 indicator row), by id
 * @param columns  the letters of each indicator column (pi_weight → H), to name a blank cell of a filled row
 */
public record ProjectSheet(String sheet, FieldValues values, Map<String, CellSource> sources, Map<String, RawCell> computed,
                           Map<String, String> columns, List<Finding> findings) {
    public ProjectSheet {
        sources = Map.copyOf(sources);
        columns = Map.copyOf(columns);
        computed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(computed));
        findings = List.copyOf(findings);
    }

    public Optional<String> columnOf(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    /** The cell a field (or {@code column[row]}) was read from. */
    public Optional<String> where(String field) {
        return Optional.ofNullable(sources.get(field)).map(CellSource::ref)
                .or(() -> Optional.ofNullable(computed.get(field)).map(RawCell::ref));
    }
}
