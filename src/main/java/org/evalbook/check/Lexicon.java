package org.evalbook.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small set of words (each with a value) looked up at one position of a text. Words are indexed by their first
 * character, so scanning a text position by position costs a map look-up per character and a few comparisons where a
 * word may start: linear in the text, whatever the text holds (no regular expression can backtrack on it).
 */
final class Lexicon<T> {
    private final Map<Character, List<Map.Entry<String, T>>> byFirst = new HashMap<>();
    /** The characters a word starts with: most characters of a text are answered without a map look-up. */
    private final BitSet firsts = new BitSet();

    Lexicon(Map<String, T> words) {
        words.forEach((word, value) -> {
            if (!word.isEmpty()) {
                byFirst.computeIfAbsent(word.charAt(0), k -> new ArrayList<>()).add(Map.entry(word, value));
                firsts.set(word.charAt(0));
            }
        });
        byFirst.values().forEach(list -> list.sort(Comparator.comparing((Map.Entry<String, T> e) -> e.getKey().length()).reversed()));
    }

    /** Whether some word starts with the character at {@code at}. */
    boolean mayStartAt(String text, int at) {
        return firsts.get(text.charAt(at));
    }

    /** The words that may start at {@code at} (those starting with its character), longest first. */
    List<Map.Entry<String, T>> startingWith(String text, int at) {
        return mayStartAt(text, at) ? byFirst.get(text.charAt(at)) : List.of();
    }

    /** The length of the longest word that starts at {@code at}; 0 when none does. */
    int longestAt(String text, int at) {
        if (!mayStartAt(text, at)) {
            return 0;
        }
        for (Map.Entry<String, T> word : byFirst.getOrDefault(text.charAt(at), List.of())) {
            if (text.startsWith(word.getKey(), at)) {
                return word.getKey().length();
            }
        }
        return 0;
    }
}
