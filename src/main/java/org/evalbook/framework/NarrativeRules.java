package org.evalbook.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the report's text is matched to the table (C17): the words that make a sentence a statement about the whole
 * unit, the words that name a period, and extra phrases for fields.
 *
 * @param wholeUnitWords 全年, 本年, 年度 …
 * @param periodWords    word → period key, tried in file order (调整后预算 before 预算)
 * @param synonyms       phrase → field (a money line's stem or a scalar id) and an optional fixed period
 */
public record NarrativeRules(List<String> wholeUnitWords, Map<String, String> periodWords, List<Synonym> synonyms) {
    public NarrativeRules {
        wholeUnitWords = List.copyOf(wholeUnitWords);
        periodWords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(periodWords));
        synonyms = List.copyOf(synonyms);
    }

    /** A phrase that names a field in narrative text. */
    public record Synonym(String phrase, String field, Optional<String> period) {
    }
}
