package org.evalbook.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.evalbook.finding.FindingCode;

/**
 * The recommendation texts of the summary's 工作建议, one per family of finding codes, in the order the bureau wrote
 * them in {@code recommendations.yaml}. The texts live in that file so the bureau words them, not the code.
 */
final class Recommendations {
    static final String FILE = "recommendations.yaml";
    private static final String BUNDLED = "/frameworks/consolidation/" + FILE;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private record Family(Set<FindingCode> codes, String text) {
    }

    private final List<Family> families;

    private Recommendations(List<Family> families) {
        this.families = families;
    }

    static Recommendations bundled() {
        try (InputStream in = Recommendations.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED + " is missing from the jar");
            }
            return parse(YAML.readTree(in), FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + BUNDLED + " cannot be read", e);
        }
    }

    /** The file beside an edited template when the bureau copied it too, else the bundled one. */
    static Recommendations beside(Path template) {
        Path file = template.toAbsolutePath().resolveSibling(FILE);
        if (!Files.isRegularFile(file)) {
            return bundled();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(YAML.readTree(in), file.toString());
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : "第 " + e.getLocation().getLineNr() + " 行附近";
            throw new SummaryTemplateException(file + "：" + line + "格式有误，无法读取。请按 workbook-templates/consolidation/"
                    + FILE + " 的写法修改。", e);
        } catch (IOException e) {
            throw new SummaryTemplateException(file + "：无法读取。请检查文件是否存在、是否有读取权限。", e);
        }
    }

    /** The texts whose family has a code among {@code found}, in the file's order. */
    List<String> textsFor(Set<FindingCode> found) {
        return families.stream().filter(f -> f.codes().stream().anyMatch(found::contains)).map(Family::text).toList();
    }

    private static Recommendations parse(JsonNode root, String file) {
        if (root == null || !root.isArray()) {
            throw refused(file, "应是若干条建议，每条写 codes 和 text");
        }
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            families.add(family(root.get(i), file, i + 1));
        }
        return new Recommendations(List.copyOf(families));
    }

    private static Family family(JsonNode entry, String file, int number) {
        String where = "第 " + number + " 条建议";
        JsonNode codes = entry.get("codes");
        JsonNode text = entry.get("text");
        if (!entry.isObject() || entry.size() != 2 || codes == null || !codes.isArray() || codes.isEmpty()
                || text == null || !text.isTextual() || text.asText().isBlank()) {
            throw refused(file, where + "应只写 codes（编号列表，如 [C01, C02]）和 text（建议文字）两项");
        }
        Set<FindingCode> set = EnumSet.noneOf(FindingCode.class);
        for (JsonNode code : codes) {
            set.add(code(code.asText().strip(), file, where));
        }
        return new Family(set, text.asText().strip());
    }

    private static FindingCode code(String code, String file, String where) {
        for (FindingCode known : FindingCode.values()) {
            if (known.name().equals(code)) {
                return known;
            }
        }
        throw refused(file, where + "：未知的审核意见编号 " + code + "。编号须是 docs/findings.md 中列出的编号，如 C01");
    }

    private static SummaryTemplateException refused(String file, String problem) {
        return new SummaryTemplateException(file + "：" + problem + "。");
    }
}
