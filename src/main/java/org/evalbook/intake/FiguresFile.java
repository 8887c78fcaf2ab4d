package org.evalbook.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.TableRow;

/**
 * Reads a figures file: a unit's figures by field id in YAML ({@code numbers}, {@code texts}, {@code tables}).
 * Every id must be one of the framework's fields; a value of the wrong kind is refused, never guessed.
 */
public final class FiguresFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record Raw(String unit, String profile, Map<String, BigDecimal> numbers, Map<String, String> texts,
                       Map<String, List<Map<String, Object>>> tables) {
    }

    private FiguresFile() {
    }

    /**
     * @throws IllegalArgumentException naming the file and every id or value that does not fit the framework
     */
    public static UnitFigures read(String name, InputStream in, Framework framework) throws IOException {
        Raw raw;
        try {
            raw = YAML.readValue(in, Raw.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException malformed) {
            int line = malformed.getLocation() == null ? 0 : malformed.getLocation().getLineNr();
            throw new IllegalArgumentException(name + "：第 " + line + " 行无法读取（" + malformed.getOriginalMessage().lines().findFirst().orElse("")
                    + "）。数值请只写数字，如 15.4。");
        }
        List<String> problems = new ArrayList<>();
        FieldValues.Builder values = FieldValues.builder();
        orEmpty(raw.numbers()).forEach((id, number) -> {
            if (number == null) {
                problems.add(id + " 没有值（空白请直接删去这一行）");
            } else if (framework.field(id).filter(f -> f.type().isNumeric()).isEmpty()) {
                problems.add(id + " 不是数值字段");
            } else {
                values.number(id, number);
            }
        });
        orEmpty(raw.texts()).forEach((id, text) -> {
            if (text == null) {
                problems.add(id + " 没有值（空白请直接删去这一行）");
            } else if (framework.field(id).filter(f -> !f.type().isNumeric()).isEmpty()) {
                problems.add(id + " 不是文本字段");
            } else {
                values.text(id, text);
            }
        });
        orEmpty(raw.tables()).forEach((table, rows) -> {
            if (framework.table(table).isEmpty()) {
                problems.add(table + " 不是表格");
                return;
            }
            for (int i = 0; i < rows.size(); i++) {
                values.row(table, row(framework, table, i + 1, rows.get(i), problems));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + "：" + String.join("；", problems) + "。请改用 `evalbook fields` 列出的代码。");
        }
        return new UnitFigures(raw.unit(), raw.profile(), values.build());
    }

    private static TableRow row(Framework framework, String table, int index, Map<String, Object> cells, List<String> problems) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        cells.forEach((column, value) -> {
            FieldDef def = framework.column(column).filter(c -> framework.tableOf(column).orElseThrow().id().equals(table)).orElse(null);
            if (value == null) {
                return;
            }
            if (def == null) {
                problems.add(column + " 不是表 " + table + " 的列");
            } else if (def.type().isNumeric()) {
                try {
                    numbers.put(column, new BigDecimal(value.toString()));
                } catch (NumberFormatException notANumber) {
                    problems.add(table + " 第 " + index + " 行 " + column + " 应为数值，而不是 " + value);
                }
            } else {
                texts.put(column, value.toString());
            }
        });
        return new TableRow(index, numbers, texts);
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
