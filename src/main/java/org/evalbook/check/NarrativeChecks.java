package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalbook.framework.Decimals;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.NarrativeRules;

/**
 * C17, text ↔ table: an amount in a report section is compared with the table only when the text clearly states it
 * for a field of the unit as a whole (checks.md): the nearest, longest label before it in its clause (or, for a clause
 * that is only a period and an amount, the clause before it, then the paragraph's heading); a whole-unit word in the
 * sentence, a 其中 continuing one, or a heading that is the label; the period a word in the clause names (决算数
 * when none). Anything less certain is not a finding.
 */
final class NarrativeChecks {
    private static final Pattern AMOUNT = Pattern.compile("([0-9][0-9,，]*(?:\\.[0-9]+)?)\\s*(万元|元)");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;！!？?]");
    /** A comma ends a clause, except between digits (1,234.5). */
    private static final Pattern CLAUSE_END = Pattern.compile("[，,](?![0-9]{3})|(?<![0-9])[，,]");
    /** What may stand right before a label: the label is then not the tail of a longer name (生育关怀项目支出). */
    private static final String LABEL_MAY_FOLLOW = "其中含计为的及和与、：:（(年度共总合";
    private static final Pattern NUMBERING = Pattern.compile("^([（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.、．])\\s*");
    private static final Pattern FILLER = Pattern.compile("[0-9]{4}年|为|是|计|共|约|达|了|其中|[：:\\s]");
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");

    private record Label(String field, Optional<String> period) {
    }

    private NarrativeChecks() {
    }

    static List<Finding> run(Checked c) {
        Map<String, Label> phrases = phrases(c);
        List<Finding> findings = new ArrayList<>();
        for (FieldDef section : c.framework.fields()) {
            if (section.group().equals("自评报告")) {
                c.text(section.id()).ifPresent(text -> section(c, section.id(), text, phrases, findings));
            }
        }
        return findings;
    }

    private static void section(Checked c, String sectionId, String text, Map<String, Label> phrases, List<Finding> findings) {
        NarrativeRules rules = c.framework.narrative();
        Label heading = null;
        String headingLine = "";
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (isHeading(stripped)) {
                heading = phrases.get(NUMBERING.matcher(stripped).replaceFirst("").strip());
                headingLine = stripped;
                continue;
            }
            boolean previousWholeUnit = false;
            for (String sentence : SENTENCE_END.split(stripped)) {
                boolean wholeUnit = rules.wholeUnitWords().stream().anyMatch(sentence::contains)
                        || previousWholeUnit && sentence.strip().startsWith("其中");
                previousWholeUnit = wholeUnit;
                Label previous = null;
                for (String clause : CLAUSE_END.split(sentence)) {
                    Matcher amount = AMOUNT.matcher(clause);
                    Label clauseLabel = nearest(clause, clause.length(), phrases);
                    while (amount.find()) {
                        String before = clause.substring(0, amount.start());
                        Label label = nearest(before, before.length(), phrases);
                        boolean fromHeading = false;
                        if (label == null && FILLER.matcher(stripPeriodWords(before, rules)).replaceAll("").isEmpty()
                                && (previous != null || period(before, rules) != null)) {
                            label = previous != null ? previous : heading;
                            fromHeading = previous == null && heading != null;
                        }
                        if (label == null) {
                            continue;
                        }
                        previous = label;
                        boolean governed = heading != null && heading.field().equals(label.field());
                        if (!wholeUnit && !governed && !fromHeading) {
                            continue;
                        }
                        compare(c, sectionId, (fromHeading || governed ? headingLine + "：" : "") + sentence.strip(), before, amount, label, findings);
                    }
                    if (clauseLabel != null) {
                        previous = clauseLabel;
                    }
                }
            }
        }
    }

    private static void compare(Checked c, String sectionId, String sentence, String before, Matcher amount, Label label,
                                List<Finding> findings) {
        NarrativeRules rules = c.framework.narrative();
        String period = label.period().orElse(Optional.ofNullable(period(before, rules)).orElse("final"));
        String field = c.framework.field(label.field()).isPresent() ? label.field() : label.field() + "_" + period;
        Optional<BigDecimal> table = c.number(field);
        if (table.isEmpty()) {
            return;
        }
        BigDecimal stated = new BigDecimal(amount.group(1).replace(",", "").replace("，", ""));
        if (amount.group(2).equals("元")) {
            stated = stated.movePointLeft(4);
        }
        BigDecimal difference = stated.subtract(table.get()).abs();
        if (difference.compareTo(TOLERANCE) <= 0) {
            return;
        }
        List<String> ids = List.of(sectionId, field);
        findings.add(c.finding(FindingCode.C17, Severity.ERROR, ids, Decimals.plain(table.get()), Decimals.plain(stated),
                "报告“" + c.label(sectionId) + "”写道“" + quote(sentence) + "”：" + c.label(field) + " " + Decimals.plain(stated)
                        + " ≠ 表中 " + Decimals.plain(table.get()) + "（" + c.read.where(field).orElse(field) + "，差 "
                        + Decimals.plain(difference) + "）。请核对报告文字与基础数据表，改正不一致之处。"));
    }

    /** The period word nearest before the amount (the longest where two end together); null when none. */
    private static String period(String before, NarrativeRules rules) {
        String best = null;
        int bestEnd = -1;
        int bestLength = 0;
        for (Map.Entry<String, String> word : rules.periodWords().entrySet()) {
            int at = before.lastIndexOf(word.getKey());
            int end = at + word.getKey().length();
            if (at >= 0 && (end > bestEnd || end == bestEnd && word.getKey().length() > bestLength)) {
                best = word.getValue();
                bestEnd = end;
                bestLength = word.getKey().length();
            }
        }
        return best;
    }

    /**
     * The label ending nearest to {@code end} in {@code text}; of those ending at the same place, the longest. A label
     * right after another Chinese word (生育关怀项目支出) names something else and does not count.
     */
    private static Label nearest(String text, int end, Map<String, Label> phrases) {
        Label best = null;
        int bestEnd = -1;
        int bestLength = 0;
        for (Map.Entry<String, Label> phrase : phrases.entrySet()) {
            int at = text.lastIndexOf(phrase.getKey(), end - phrase.getKey().length());
            while (at > 0 && isIdeograph(text.charAt(at - 1)) && LABEL_MAY_FOLLOW.indexOf(text.charAt(at - 1)) < 0) {
                at = text.lastIndexOf(phrase.getKey(), at - 1);
            }
            if (at < 0) {
                continue;
            }
            int phraseEnd = at + phrase.getKey().length();
            if (phraseEnd > bestEnd || phraseEnd == bestEnd && phrase.getKey().length() > bestLength) {
                best = phrase.getValue();
                bestEnd = phraseEnd;
                bestLength = phrase.getKey().length();
            }
        }
        return best;
    }

    private static Map<String, Label> phrases(Checked c) {
        Map<String, Label> phrases = new LinkedHashMap<>();
        for (FieldDef field : c.framework.fields()) {
            if (field.type() == FieldType.AMOUNT) {
                String phrase = field.lineLabel().replace("其中：", "");
                phrases.putIfAbsent(phrase, new Label(field.period().isPresent() ? field.stem() : field.id(), Optional.empty()));
            }
        }
        c.framework.narrative().synonyms().forEach(s -> phrases.put(s.phrase(), new Label(s.field(), s.period())));
        return phrases;
    }

    private static boolean isIdeograph(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String stripPeriodWords(String text, NarrativeRules rules) {
        String stripped = text;
        for (String word : rules.periodWords().keySet()) {
            stripped = stripped.replace(word + "数", "").replace(word, "");
        }
        for (String word : rules.wholeUnitWords()) {
            stripped = stripped.replace(word, "");
        }
        return stripped;
    }

    private static boolean isHeading(String line) {
        return line.length() <= 25 && !line.contains("。") && !AMOUNT.matcher(line).find();
    }

    private static String quote(String sentence) {
        return sentence.length() > 60 ? sentence.substring(0, 60) + "…" : sentence;
    }
}
