package org.evalbook.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One indicator of the catalogue (三级指标).
 *
 * @param items    checklist items, in order (numbered from 1 in {@code check_<id>_<n>})
 * @param variants the formulas of a rate indicator, by key, in file order
 */
public record Indicator(String id, String level1, String level2, String name, IndicatorKind kind,
                        List<String> items, Map<String, FormulaVariant> variants) {
    public Indicator {
        items = List.copyOf(items);
        variants = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variants));
    }

    public Optional<FormulaVariant> variant(String key) {
        return Optional.ofNullable(variants.get(key));
    }

    public String selfName() {
        return "self_" + id;
    }

    public String reasonName() {
        return "reason_" + id;
    }

    public String levelName() {
        return "level_" + id;
    }

    public String rateName() {
        return "rate_" + id;
    }

    public String scoreName() {
        return "score_" + id;
    }

    /** The defined name of checklist item {@code n}, counted from 1. */
    public String checkName(int n) {
        return "check_" + id + "_" + n;
    }
}
