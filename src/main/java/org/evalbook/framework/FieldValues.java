package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of one unit's fields, as the stages pass them on. A field absent from both maps is blank —
 * never zero. Amounts are 万元; percentages and rates are fractions (0.95 for 95 %).
 *
 * @param numbers numeric fields by id
 * @param texts   text fields (choices, dates as ISO text, report sections) by id
 * @param tables  filled rows by table id; fully blank rows are left out
 */
public record FieldValues(Map<String, BigDecimal> numbers, Map<String, String> texts,
                          Map<String, List<TableRow>> tables) {
    public FieldValues {
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
        Map<String, List<TableRow>> copy = new LinkedHashMap<>();
        tables.forEach((id, rows) -> copy.put(id, List.copyOf(rows)));
        tables = java.util.Collections.unmodifiableMap(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<BigDecimal> number(String id) {
        return Optional.ofNullable(numbers.get(id));
    }

    public Optional<String> text(String id) {
        return Optional.ofNullable(texts.get(id));
    }

    public List<TableRow> rows(String tableId) {
        return tables.getOrDefault(tableId, List.of());
    }

    /** Collects values; numbers given as text are parsed exactly. */
    public static final class Builder {
        private final Map<String, BigDecimal> numbers = new HashMap<>();
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, List<TableRow>> tables = new LinkedHashMap<>();

        public Builder number(String id, String value) {
            return number(id, new BigDecimal(value));
        }

        public Builder number(String id, BigDecimal value) {
            numbers.put(id, value);
            return this;
        }

        public Builder text(String id, String value) {
            texts.put(id, value);
            return this;
        }

        public Builder row(String tableId, TableRow row) {
            tables.computeIfAbsent(tableId, k -> new java.util.ArrayList<>()).add(row);
            return this;
        }

        public FieldValues build() {
            return new FieldValues(numbers, texts, tables);
        }
    }
}
