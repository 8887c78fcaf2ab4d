package org.evalbook.check;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.TableRow;

/** A seed unit's figures and the hand-worked expectations, from {@code src/test/resources/seeds/*.yaml}. */
record SeedCase(String unit, Map<String, BigDecimal> numbers, Map<String, String> texts,
                Map<String, List<Map<String, Object>>> tables, Map<String, Expected> expected) {

    record Expected(BigDecimal total, String grade, List<ExpectedIndicator> indicators) {
    }

    record ExpectedIndicator(String id, Outcome outcome, BigDecimal rate, BigDecimal score, String why) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static SeedCase load(String name) {
        try (InputStream in = SeedCase.class.getResourceAsStream("/seeds/" + name + ".yaml")) {
            return YAML.readValue(in, SeedCase.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures as the engine takes them: table cells typed by their column's type. */
    FieldValues values(Framework framework) {
        FieldValues.Builder builder = FieldValues.builder();
        numbers.forEach(builder::number);
        texts.forEach(builder::text);
        tables.forEach((table, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                Map<String, BigDecimal> rowNumbers = new HashMap<>();
                Map<String, String> rowTexts = new HashMap<>();
                rows.get(i).forEach((column, value) -> {
                    FieldDef def = framework.column(column).orElseThrow(() -> new IllegalArgumentException(column));
                    if (def.type().isNumeric()) {
                        rowNumbers.put(column, new BigDecimal(value.toString()));
                    } else {
                        rowTexts.put(column, value.toString());
                    }
                });
                builder.row(table, new TableRow(i + 1, rowNumbers, rowTexts));
            }
        });
        return builder.build();
    }
}
