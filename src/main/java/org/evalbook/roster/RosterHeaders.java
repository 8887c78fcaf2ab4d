package org.evalbook.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.Framework;

/**
 * Matches a roster's figure columns to fields: by field id, or by an unambiguous Chinese label with its period in
 * any usual order ({@code 年初预算数·本年支出合计}, {@code 本年支出合计年初预算数}, {@code 上年"三公"经费预算数}).
 */
final class RosterHeaders {
    private static final Map<String, List<String>> PERIOD_WORDS = Map.of(
            "prior", List.of("上年决算数", "上年决算", "上年实际数"),
            "prior_budget", List.of("上年预算数", "上年预算"),
            "budget", List.of("年初预算数", "本年年初预算数", "年初预算", "本年预算数"),
            "adjusted", List.of("调整后预算数", "本年调整后预算数", "调整后预算"),
            "final", List.of("决算数", "本年决算数", "执行数"));

    private static final Pattern FIELD_ID = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, List<FieldDef>> byKey = new HashMap<>();
    private final Set<String> periodWords = new HashSet<>();

    RosterHeaders(Framework framework) {
        this(framework.periods(), framework.fields());
    }

    /** Headers for the figure fields among {@code fields}, their periods labelled as {@code periods} says. */
    RosterHeaders(Map<String, String> periods, List<FieldDef> fields) {
        PERIOD_WORDS.values().forEach(periodWords::addAll);
        periodWords.addAll(periods.values());
        for (FieldDef field : fields) {
            if (!field.type().isNumeric() || field.isComputed()) {
                continue;
            }
            add(field.id(), field);
            if (field.period().isEmpty()) {
                add(field.label(), field);
                continue;
            }
            String line = field.lineLabel().replace("其中：", "");
            List<String> lines = new ArrayList<>(List.of(line));
            if (line.endsWith("合计")) {
                lines.add(line.substring(0, line.length() - 2));
            }
            String period = field.period().get();
            List<String> namings = new ArrayList<>(PERIOD_WORDS.getOrDefault(period, List.of()));
            namings.add(periods.get(period));
            for (String words : namings) {
                for (String l : lines) {
                    add(words + l, field);
                    add(l + words, field);
                    if (words.startsWith("上年")) {
                        add("上年" + l + words.substring(2), field);
                    }
                }
            }
        }
    }

    /**
     * Whether a header is meant as a figure column — a field id, or words naming a period — so that a misspelt one is
     * refused rather than ignored like a 备注 column.
     */
    boolean looksLikeFigure(String header) {
        String key = normalise(header);
        return FIELD_ID.matcher(key).matches() || periodWords.stream().anyMatch(key::contains);
    }

    private void add(String key, FieldDef field) {
        List<FieldDef> fields = byKey.computeIfAbsent(normalise(key), k -> new ArrayList<>());
        if (!fields.contains(field)) {
            fields.add(field);
        }
    }

    /** The field a header names; empty when none. Several matches make it ambiguous ({@link #candidates}). */
    Optional<FieldDef> field(String header) {
        List<FieldDef> fields = candidates(header);
        return fields.size() == 1 ? Optional.of(fields.get(0)) : Optional.empty();
    }

    List<FieldDef> candidates(String header) {
        return byKey.getOrDefault(normalise(header), List.of());
    }

    /** Spaces, the period dot, brackets and quotes of every width do not tell headers apart. */
    static String normalise(String text) {
        return text.replaceAll("[\\s\\u3000\\u00a0·・.．()（）\"“”'‘’「」]", "").replace("其中：", "").replace("其中:", "");
    }
}
