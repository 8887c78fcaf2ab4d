package org.evalbook.framework;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads one framework file into its raw record, turning YAML errors into messages with file and line. */
final class YamlFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final FrameworkSource source;

    YamlFiles(FrameworkSource source) {
        this.source = source;
    }

    <T> T read(String file, Class<T> type) {
        String text;
        try (InputStream in = source.open(file).orElseThrow(() -> new FrameworkException(
                source.describe() + "：缺少文件 " + file + "。请从 workbook-templates 中复制一份完整的框架文件夹再修改。"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(file, unreadable);
        }
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new FrameworkException(file + "：文件为空。请按 workbook-templates 中的样例填写。");
            }
            return value;
        } catch (UnrecognizedPropertyException unknownKey) {
            throw new FrameworkException(file + "：第 " + lineOf(text, unknownKey.getPropertyName(), unknownKey.getLocation().getLineNr())
                    + " 行：未知的键 " + unknownKey.getPropertyName() + "。请检查拼写；可用的键有 " + unknownKey.getKnownPropertyIds() + "。",
                    unknownKey);
        } catch (JsonProcessingException malformed) {
            String line = malformed.getLocation() == null ? "" : "第 " + malformed.getLocation().getLineNr() + " 行：";
            throw new FrameworkException(file + "：" + line + "无法读取（" + malformed.getOriginalMessage().lines().findFirst().orElse("")
                    + "）。请检查缩进、冒号和括号。", malformed);
        }
    }

    /**
     * The line where {@code key} is written: the parser reports the end of the entry it was reading, not the key, so
     * the key is looked up in the text (its first use as a key), falling back to the parser's line.
     */
    static int lineOf(String text, String key, int parserLine) {
        java.util.regex.Pattern asKey = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key) + "\\s*:");
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (asKey.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return parserLine;
    }
}
