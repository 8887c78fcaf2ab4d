package org.evalbook.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The one name a mistyped word was most likely meant to be: the nearest by edit distance, if near enough. */
final class Suggestion {
    private Suggestion() {
    }

    /** The closest candidate within a third of the word's length (at least 2 edits; a swapped pair counts as one). */
    static Optional<String> closest(String word, List<String> candidates) {
        int allowed = Math.max(2, word.length() / 3);
        return candidates.stream().filter(c -> distance(word, c) <= allowed)
                .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(Comparator.naturalOrder()));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
