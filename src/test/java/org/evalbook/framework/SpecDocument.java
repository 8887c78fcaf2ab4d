package org.evalbook.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the domain reference ({@code ../shared/spec}, kept in {@code src/test/resources/spec}) independently of the
 * framework files, so tests can hold the two against each other.
 */
final class SpecDocument {
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    private SpecDocument() {
    }

    static String read(String name) {
        try (InputStream in = SpecDocument.class.getResourceAsStream("/spec/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An indicator of the catalogue table in indicators.md §1: its id and what kind its formula column says. */
    record CatalogueRow(String id, String name, String kind, int checklistItems) {
    }

    static List<CatalogueRow> catalogue() {
        List<CatalogueRow> rows = new ArrayList<>();
        String section = read("indicators.md").split("## 2\\.")[0];
        for (String line : section.lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length < 6 || !cells[1].strip().startsWith("`")) {
                continue;
            }
            String formula = cells[5].strip();
            String kind = formula.startsWith("checklist") ? "checklist" : formula.startsWith("judgement") ? "judgement" : "rate";
            int items = (int) formula.codePoints().filter(c -> c >= '①' && c <= '⑩').count();
            rows.add(new CatalogueRow(cells[1].strip().replace("`", ""), cells[4].strip(), kind, items));
        }
        return rows;
    }

    /** Every defined name fields.md lists, expanded, with the label it gives (per-indicator names: the pattern's label). */
    static Map<String, String> fieldNames() {
        Map<String, String> names = new LinkedHashMap<>();
        List<CatalogueRow> catalogue = catalogue();
        List<String> periods = List.of();
        String alsoForTotal = null;
        boolean stems = false;
        for (String line : read("fields.md").lines().toList()) {
            if (line.startsWith("## ")) {
                periods = ticked(line).stream().filter(t -> t.startsWith("_")).toList();
                alsoForTotal = line.contains("the total also has") ? periods.get(periods.size() - 1) : null;
                if (alsoForTotal != null) {
                    periods = periods.subList(0, periods.size() - 1);
                }
                continue;
            }
            if (line.startsWith("| id")) {
                stems = line.startsWith("| id stem");
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 3 || !cells[1].strip().startsWith("`")) {
                continue;
            }
            String id = cells[1].strip().replace("`", "").split(" ")[0];
            String label = cells[2].strip().replaceFirst("\\s*\\([A-Za-z][^)]*\\)$", "");
            if (stems) {
                for (String period : periods) {
                    names.put(id + period, label);
                }
                if (alsoForTotal != null && id.endsWith("_total")) {
                    names.put(id + alsoForTotal, label);
                }
            } else if (id.contains("<indicator>")) {
                expandPerIndicator(id, label, catalogue, names);
            } else {
                names.put(id, label);
            }
        }
        return names;
    }

    private static void expandPerIndicator(String pattern, String label, List<CatalogueRow> catalogue, Map<String, String> names) {
        for (CatalogueRow row : catalogue) {
            boolean applies = switch (pattern.substring(0, pattern.indexOf('_'))) {
                case "level" -> row.kind().equals("judgement");
                case "check" -> row.kind().equals("checklist");
                case "rate" -> row.kind().equals("rate");
                default -> true;
            };
            if (!applies) {
                continue;
            }
            if (pattern.contains("<n>")) {
                for (int n = 1; n <= row.checklistItems(); n++) {
                    names.put(pattern.replace("<indicator>", row.id()).replace("<n>", String.valueOf(n)), label);
                }
            } else {
                names.put(pattern.replace("<indicator>", row.id()), label);
            }
        }
    }

    /** The ids named in fields.md's "Required fields" paragraph. */
    static List<String> requiredFields() {
        String text = read("fields.md");
        int start = text.indexOf("Required fields:");
        return ticked(text.substring(start, text.indexOf("\n\n", start)));
    }

    static List<String> ticked(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = TICKED.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
