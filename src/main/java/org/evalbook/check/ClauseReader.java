package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.NarrativeRules;

/**
 * Reads one clause of a report once, left to right, in time linear in its length: every amount in it (万元, or 元
 * converted), the label nearest before it, the period word nearest before it, and whether only filler words stand
 * between the two (a label followed by anything else — 较上年增加, 中用于慰问, 分别为 — does not clearly state the
 * amount).
 */
final class ClauseReader {
    /** More digits than this is not an amount but a run of digits (an amount of 10^15 万元 is no budget). */
    static final int MAX_DIGITS = 15;
    /** A label further before its amount than this, even across filler words, no longer clearly states it. */
    static final int MAX_GAP = 40;
    /**
     * What may stand right before a label: a year (2022年, 年度), a word that introduces it (其中, 包括, 即, 为, 的 …)
     * or any non-Chinese character. After another Chinese word the label is the tail of a longer name (生育关怀项目支出).
     */
    private static final String LABEL_MAY_FOLLOW = "其中含括即计为的及和与、：:（(年度共总合";
    private static final List<String> FILLER = List.of("为", "是", "计", "共", "约", "达", "了", "其中", "数", "支出", "的", "总额",
            "金额", "实际", "累计", "人民币", "：", ":", "、", " ", "\t", "\u3000");

    record Label(String field, Optional<String> period) {
    }

    /**
     * An amount in 万元 as the clause states it.
     *
     * @param label     the valid label nearest before it (the longest of those ending together)
     * @param clean     only filler words (periods, whole-unit words, years, earlier amounts) stand between the label —
     *                  or, without a label, the clause's start — and the amount, within {@link #MAX_GAP} characters,
     *                  and they name one period
     * @param period    the period key of the period word nearest before it
     * @param otherYear a year other than the evaluation year stands before it in the clause
     */
    record Stated(BigDecimal amount, Optional<Label> label, boolean clean, Optional<String> period, boolean otherYear) {
    }

    /** @param last the label ending nearest the clause's end, amounts or not */
    record Read(List<Stated> amounts, Optional<Label> last) {
    }

    /**
     * The words a clause is read for: the labels, period words and filler words of a framework — the same for every
     * return, so NarrativeChecks builds them once per framework; only the evaluation year is the return's own.
     */
    record Words(Lexicon<Label> labels, Lexicon<String> periods, Lexicon<Boolean> filler) {
        static Words of(Map<String, Label> phrases, NarrativeRules rules) {
            Map<String, Boolean> words = new LinkedHashMap<>();
            FILLER.forEach(w -> words.put(w, true));
            rules.wholeUnitWords().forEach(w -> words.put(w, true));
            rules.periodWords().keySet().forEach(w -> words.put(w, true));
            return new Words(new Lexicon<>(phrases), new Lexicon<>(rules.periodWords()), new Lexicon<>(words));
        }
    }

    private final Lexicon<Label> labels;
    private final Lexicon<String> periods;
    private final Lexicon<Boolean> filler;
    private final Optional<Integer> fiscalYear;

    ClauseReader(Words words, Optional<Integer> fiscalYear) {
        this.labels = words.labels();
        this.periods = words.periods();
        this.filler = words.filler();
        this.fiscalYear = fiscalYear;
    }

    Read read(String clause) {
        return new Scan(clause).run();
    }

    /** The state of one pass over a clause. Words are recorded where they end, so "nearest before" is a lookup. */
    private final class Scan {
        private final String s;
        private final Label[] labelEnding;
        private final int[] labelLength;
        private final String[] periodEnding;
        private final int[] periodLength;
        private final List<Stated> amounts = new ArrayList<>();
        private Label label;
        private String period;
        /** The period word has been followed by an amount: a new one names the next amount's period. */
        private boolean periodStated;
        /** Two periods named before one amount (上年项目支出决算数): which one is meant is not clear. */
        private boolean mixedPeriods;
        private boolean otherYear;
        private boolean clean = true;
        private int gapStart;
        private int gapCovered;

        Scan(String clause) {
            s = clause;
            labelEnding = new Label[s.length() + 1];
            labelLength = new int[s.length() + 1];
            periodEnding = new String[s.length() + 1];
            periodLength = new int[s.length() + 1];
        }

        Read run() {
            Label last = null;
            int numberEnd = 0;
            for (int at = 0; at <= s.length(); at++) {
                if (labelEnding[at] != null) {
                    label = labelEnding[at];
                    last = label;
                    clean = true;
                    gapStart = at;
                    gapCovered = at;
                }
                if (periodEnding[at] != null) {
                    mixedPeriods |= period != null && !periodStated && !period.equals(periodEnding[at]);
                    period = periodEnding[at];
                    periodStated = false;
                }
                if (at == s.length()) {
                    break;
                }
                record(at);
                if (at < numberEnd) {
                    continue;
                }
                if (isDigit(s.charAt(at))) {
                    numberEnd = number(at);
                } else if (at >= gapCovered) {
                    int word = filler.longestAt(s, at);
                    clean &= word > 0;
                    gapCovered = at + Math.max(word, 1);
                }
            }
            return new Read(List.copyOf(amounts), Optional.ofNullable(last));
        }

        /** Labels and period words starting here, kept where they end (the longest of those ending together). */
        private void record(int at) {
            if (labels.mayStartAt(s, at)
                    && (at == 0 || !isIdeograph(s.charAt(at - 1)) || LABEL_MAY_FOLLOW.indexOf(s.charAt(at - 1)) >= 0)) {
                for (Map.Entry<String, Label> word : labels.startingWith(s, at)) {
                    int end = at + word.getKey().length();
                    if (s.startsWith(word.getKey(), at) && word.getKey().length() > labelLength[end]) {
                        labelEnding[end] = word.getValue();
                        labelLength[end] = word.getKey().length();
                    }
                }
            }
            for (Map.Entry<String, String> word : periods.startingWith(s, at)) {
                int end = at + word.getKey().length();
                if (s.startsWith(word.getKey(), at) && word.getKey().length() > periodLength[end]) {
                    periodEnding[end] = word.getValue();
                    periodLength[end] = word.getKey().length();
                }
            }
        }

        /** Reads the number starting at {@code start} (a year, an amount, or neither) and returns where it ends. */
        private int number(int start) {
            int end = start;
            int digits = 0;
            boolean point = false;
            while (end < s.length()) {
                char ch = s.charAt(end);
                boolean followedByDigit = end + 1 < s.length() && isDigit(s.charAt(end + 1));
                if (isDigit(ch)) {
                    digits++;
                } else if (!((ch == ',' || ch == '，') && !point && followedByDigit || ch == '.' && !point && followedByDigit)) {
                    break;
                }
                point |= ch == '.';
                end++;
            }
            int unit = end;
            while (unit < s.length() && Character.isWhitespace(s.charAt(unit))) {
                unit++;
            }
            if (digits == 4 && end - start == 4 && unit == end && s.startsWith("年", end)) {
                int year = Integer.parseInt(s.substring(start, end));
                otherYear |= fiscalYear.isPresent() && fiscalYear.get() != year;
                int after = end + (s.startsWith("年度", end) ? 2 : 1);
                gapCovered = Math.max(gapCovered, after);
                return end;
            }
            int unitLength = s.startsWith("万元", unit) ? 2 : s.startsWith("元", unit) ? 1 : 0;
            if (unitLength == 0 || digits > MAX_DIGITS) {
                clean = false;
                gapCovered = Math.max(gapCovered, end);
                return end;
            }
            BigDecimal amount = new BigDecimal(s.substring(start, end).replace(",", "").replace("，", ""));
            amounts.add(new Stated(unitLength == 1 ? amount.movePointLeft(4) : amount, Optional.ofNullable(label),
                    clean && !mixedPeriods && start - gapStart <= MAX_GAP, Optional.ofNullable(period), otherYear));
            periodStated = true;
            mixedPeriods = false;
            gapCovered = unit + unitLength;
            return end;
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdeograph(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
