package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.evalbook.check.ClauseReader.Label;
import org.evalbook.check.ClauseReader.Stated;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.NarrativeRules;

/**
 * C17, text ↔ table: an amount in a report section is compared with the table only when the text clearly states it
 * for a field of the unit as a whole (checks.md): the nearest, longest label before it in its clause with only filler
 * words between (or, for a clause that is only a period and an amount, the clause before it, then the paragraph's
 * heading); a whole-unit word or the evaluation year in the sentence, a 其中 continuing one, or a heading that is the
 * label; the period a word in the clause names (决算数 when none). Anything less certain is not a finding.
 *
 * <p>Every step is linear in the text, and a section is read up to {@link #MAX_SECTION} characters: a batch never waits
 * on one return's report. A longer section is compared up to its last full sentence within the limit, and one C17
 * information finding says the rest was not compared. A section that states the same wrong figure for a field again
 * raises one finding.
 */
final class NarrativeChecks {
    /** A cell holds at most 32,767 characters: anything longer was not typed into the issued workbook. */
    static final int MAX_SECTION = 32_767;
    private static final String SENTENCE_ENDS = "。；;！!？?\n";
    private static final Pattern LINE_END = Pattern.compile("\\R");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;！!？?]");
    /** A comma ends a clause, except between digits (1,234.5). */
    private static final Pattern CLAUSE_END = Pattern.compile("[，,](?![0-9]{3})|(?<![0-9])[，,]");
    private static final Pattern NUMBERING = Pattern.compile("^([（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.、．])\\s*");
    private static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final int QUOTE = 60;

    private NarrativeChecks() {
    }

    static List<Finding> run(Checked c) {
        Vocabulary vocabulary = Vocabulary.of(c);
        Map<String, Label> phrases = vocabulary.phrases();
        Optional<Integer> year = c.number("fiscal_year").map(BigDecimal::intValue);
        ClauseReader reader = new ClauseReader(vocabulary.words(), year);
        List<Finding> findings = new ArrayList<>();
        for (FieldDef section : c.framework.fields()) {
            if (section.isReport()) {
                c.text(section.id()).ifPresent(text -> {
                    String compared = within(text);
                    try {
                        new Section(c, section.id(), phrases, reader, year, new HashSet<>(), findings).read(compared);
                    } catch (RuntimeException | StackOverflowError bug) {
                        // evalbook's own failure on one section stays with that section; the others are still compared
                        findings.add(new Finding(FindingCode.F14, Severity.ERROR, c.read.file(), "", c.read.where(section.id()).stream().toList(),
                                section.id(), "", "", ReturnChecker.INTERNAL + "（报告“" + c.label(section.id())
                                + "”的文字核对），这一部分没有核对，其他内容照常检查。请把此文件和所用命令报告给开发者。"));
                    }
                    if (compared.length() < text.length()) {
                        findings.add(cut(c, section.id(), text.length(), compared.length()));
                    }
                });
            }
        }
        return findings;
    }

    /** The text up to the limit, ending at its last full sentence or line when it has one. */
    static String within(String text) {
        if (text.length() <= MAX_SECTION) {
            return text;
        }
        String head = text.substring(0, MAX_SECTION);
        for (int at = head.length() - 1; at >= 0; at--) {
            if (SENTENCE_ENDS.indexOf(head.charAt(at)) >= 0) {
                return head.substring(0, at + 1);
            }
        }
        return head;
    }

    private static Finding cut(Checked c, String sectionId, int length, int compared) {
        return c.finding(FindingCode.C17, Severity.INFO, List.of(sectionId), "", "",
                "报告“" + c.label(sectionId) + "”共 " + length + " 字，超过核对上限 " + MAX_SECTION + " 字（一个单元格最多容纳的字数），只核对了前 "
                        + compared + " 字中的金额，其余文字未与表格核对。请精简该部分报告，或人工核对其余文字中的金额。");
    }

    /** One section read line by line: headings, sentences, clauses. */
    private record Section(Checked c, String id, Map<String, Label> phrases, ClauseReader reader, Optional<Integer> year,
                           Set<String> raised, List<Finding> findings) {
        void read(String text) {
            NarrativeRules rules = c.framework.narrative();
            Label heading = null;
            String headingLine = "";
            for (String line : LINE_END.split(text)) {
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
                    boolean wholeUnit = rules.wholeUnitWords().stream().anyMatch(sentence::contains) || namesYear(sentence)
                            || previousWholeUnit && sentence.strip().startsWith("其中");
                    previousWholeUnit = wholeUnit;
                    sentence(sentence, wholeUnit, heading, headingLine);
                }
            }
        }

        private void sentence(String sentence, boolean wholeUnit, Label heading, String headingLine) {
            Label previous = null;
            for (String clause : CLAUSE_END.split(sentence)) {
                ClauseReader.Read read = reader.read(clause);
                for (Stated stated : read.amounts()) {
                    Label label = stated.label().orElse(null);
                    boolean fromHeading = false;
                    if (label == null && (previous != null || stated.period().isPresent())) {
                        label = previous != null ? previous : heading;
                        fromHeading = previous == null && heading != null;
                    }
                    if (label == null || !stated.clean() || stated.otherYear()) {
                        continue;
                    }
                    previous = label;
                    boolean governed = heading != null && heading.field().equals(label.field());
                    if (wholeUnit || governed || fromHeading) {
                        String quoted = quote(fromHeading || governed ? headingLine + "：" + sentence : sentence);
                        compare(stated, label, quoted);
                    }
                }
                if (read.last().isPresent()) {
                    previous = read.last().get();
                }
            }
        }

        private void compare(Stated stated, Label label, String quoted) {
            String period = label.period().orElse(stated.period().orElse("final"));
            String field = c.index().field(label.field()).isPresent() ? label.field() : label.field() + "_" + period;
            Optional<BigDecimal> table = c.number(field);
            if (table.isEmpty()) {
                return;
            }
            BigDecimal difference = stated.amount().subtract(table.get()).abs();
            if (difference.compareTo(TOLERANCE) <= 0) {
                return;
            }
            String amount = c.shown(field, stated.amount());
            if (!raised.add(field + " " + amount)) {
                return;
            }
            findings.add(c.finding(FindingCode.C17, Severity.ERROR, List.of(id, field), c.shown(field, table.get()), amount,
                    "报告“" + c.label(id) + "”写道“" + quoted + "”：" + c.label(field) + " " + amount + " ≠ 表中 "
                            + c.shown(field, table.get()) + "（" + c.read.where(field).orElse(field) + "，差 "
                            + c.shown(field, difference) + "）。请核对报告文字与基础数据表，改正不一致之处。")
                    .withValues(table.get(), stated.amount()));
        }

        /** The evaluation year written out (2022年, 2022年度) speaks of the unit's year as 本年 does. */
        private boolean namesYear(String sentence) {
            if (year.isEmpty()) {
                return false;
            }
            String written = year.get() + "年";
            for (int at = sentence.indexOf(written); at >= 0; at = sentence.indexOf(written, at + 1)) {
                if (at == 0 || !ClauseReader.isDigit(sentence.charAt(at - 1))) {
                    return true;
                }
            }
            return false;
        }

        private boolean isHeading(String line) {
            return line.length() <= 25 && !line.contains("。") && reader.read(line).amounts().isEmpty();
        }
    }

    /** A framework's label phrases and the words built from them: the same for every return, so built once. */
    private record Vocabulary(Map<String, Label> phrases, ClauseReader.Words words) {
        private static final PerRules<Vocabulary> BUILT = new PerRules<>();

        static Vocabulary of(Checked c) {
            return BUILT.get(c.framework, null, () -> {
                Map<String, Label> phrases = java.util.Collections.unmodifiableMap(labelPhrases(c.framework));
                return new Vocabulary(phrases, ClauseReader.Words.of(phrases, c.framework.narrative()));
            });
        }
    }

    private static Map<String, Label> labelPhrases(org.evalbook.framework.Framework framework) {
        Map<String, Label> phrases = new LinkedHashMap<>();
        for (FieldDef field : framework.fields()) {
            if (field.type() == FieldType.AMOUNT) {
                String phrase = field.lineLabel().replace("其中：", "");
                phrases.putIfAbsent(phrase, new Label(field.period().isPresent() ? field.stem() : field.id(), Optional.empty()));
            }
        }
        framework.narrative().synonyms().forEach(s -> phrases.put(s.phrase(), new Label(s.field(), s.period())));
        return phrases;
    }

    /** The first characters of a sentence: reading time never depends on how long the sentence is. */
    private static String quote(String sentence) {
        String head = sentence.length() > QUOTE + 20 ? sentence.substring(0, QUOTE + 20) : sentence;
        String stripped = head.strip();
        return stripped.length() > QUOTE ? stripped.substring(0, QUOTE) + "…" : stripped;
    }
}
