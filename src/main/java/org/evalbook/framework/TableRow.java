package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One filled row of a table. Columns absent from both maps are blank.
 *
 * @param index   the row's position in the issued range, from 1 (so messages can name it)
 * @param numbers numeric cells by column id
 * @param texts   text cells by column id
 */
public record TableRow(int index, Map<String, BigDecimal> numbers, Map<String, String> texts) {
    public TableRow {
        numbers = Map.copyOf(numbers);
        texts = Map.copyOf(texts);
    }

    public Optional<BigDecimal> number(String column) {
        return Optional.ofNullable(numbers.get(column));
    }

    public Optional<String> text(String column) {
        return Optional.ofNullable(texts.get(column));
    }

    public boolean isBlank(String column) {
        return !numbers.containsKey(column) && !texts.containsKey(column);
    }
}
