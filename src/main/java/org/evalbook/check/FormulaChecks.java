package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.intake.RawCell;
import org.evalbook.template.IssuedFormulas;

/**
 * Formula integrity. C18: every computed name must still hold the issued formula — compared by meaning (tokens), so
 * a re-save by Excel, WPS or LibreOffice raises nothing; a formula replaced by a typed number or changed in meaning
 * is an error. C26: a formula that is intact but whose file carries no result for it, or a result other than the
 * recomputation, was saved without recalculating (openpyxl and other scripts, some converters) — worth knowing,
 * nothing to correct, and never called tampering.
 */
final class FormulaChecks {
    private FormulaChecks() {
    }

    static List<Finding> run(Checked c) {
        List<Finding> findings = new ArrayList<>();
        if (c.rulesChanged) {
            return findings;
        }
        List<Finding> stale = new ArrayList<>();
        List<String> uncached = new ArrayList<>();
        Prepared prepared = Prepared.of(c);
        Map<String, IssuedFormulas.Issued> issued = prepared.issued();
        // A number typed as text is blank to the spreadsheet but read by evalbook (C13): the cached results then
        // differ for that reason alone, which C13 already reports.
        boolean textNumbers = false;
        for (org.evalbook.intake.CellSource source : c.read.sources().values()) {
            if (!source.original().isEmpty()) {
                textNumbers = true;
                break;
            }
        }
        for (Map.Entry<String, RawCell> found : c.read.computed().entrySet()) {
            IssuedFormulas.Issued expected = issued.get(found.getKey());
            RawCell cell = found.getValue();
            if (expected == null || expected.formula().isEmpty()) {
                continue;
            }
            String name = found.getKey();
            if (cell.unreadable()) {
                findings.add(at(c, cell, name, Severity.ERROR, expected.formula(), "", c.label(name)
                        + " 的公式无法读取（文件被其他软件保存时损坏了此公式，例如数组公式的内容丢失）。复核结果以原公式为准，其他内容照常检查；请在下发的填报表中重新填写后交回。"));
                continue;
            }
            if (!cell.hasFormula()) {
                if (!cell.isBlank()) {
                    findings.add(at(c, cell, name, Severity.ERROR, expected.formula(), cell.text(), c.label(name)
                            + " 的公式被改成了数值“" + cell.text() + "”。公式单元格不能手工填写，请用下发的填报表重新填写。"));
                }
                continue;
            }
            Optional<IssuedFormulas.Spelling> spelling = prepared.spellingOf(name, cell.formula());
            if (spelling.isEmpty()) {
                findings.add(at(c, cell, name, Severity.ERROR, expected.formula(), cell.formula(), c.label(name)
                        + " 的公式被改动（现为 =" + abbreviate(cell.formula()) + "）。复核结果以原公式为准；请不要修改公式。"));
                continue;
            }
            if (cell.type().equals("UNCACHED")) {
                uncached.add(cell.ref());
            } else if (!textNumbers) {
                cached(c, name, cell, spelling.get()).ifPresent(stale::add);
            }
        }
        notRecalculated(c, stale, uncached).ifPresent(findings::add);
        return findings;
    }

    /** Where programs that save without calculating are named, and why the bureau's own software is not among them. */
    static final String PROGRAMS = "openpyxl 等 Python 脚本、部分格式转换程序保存文件时不计算公式；Excel、WPS 和 LibreOffice"
            + " 打开下发的填报表时会重新计算（填报表设置了打开时重新计算），保存后即有正确结果";

    /** One C26 for every intact formula saved without a result or with a stale one; a single stale cell keeps its figures. */
    private static Optional<Finding> notRecalculated(Checked c, List<Finding> stale, List<String> uncached) {
        if (stale.size() == 1 && uncached.isEmpty()) {
            return Optional.of(stale.get(0));
        }
        List<String> cells = new ArrayList<>(uncached);
        stale.forEach(f -> cells.addAll(f.cells()));
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        List<String> sorted = c.order.sorted(cells);
        java.util.Set<String> listed = new java.util.HashSet<>(sorted);
        List<String> fields = c.read.computed().entrySet().stream().filter(e -> listed.contains(e.getValue().ref()))
                .map(Map.Entry::getKey).toList();
        String what = uncached.isEmpty() ? "保存的计算结果与按规则复核的结果不符"
                : stale.isEmpty() ? "没有保存计算结果" : "没有保存计算结果（" + uncached.size() + " 个）或结果已过时（" + stale.size() + " 个）";
        return Optional.of(new Finding(FindingCode.C26, Severity.INFO, c.read.file(), sheetOf(sorted.get(0)), sorted,
                String.join(",", fields), "", "", sorted.get(0) + " 等 " + sorted.size() + " 个计算单元格的公式完好，但" + what
                + "：文件保存前没有重新计算。" + PROGRAMS + "。公式未被改动，复核结果以 evalbook 按规则的计算为准，无需处理。"));
    }

    private static String sheetOf(String ref) {
        return ref.substring(0, ref.lastIndexOf('!'));
    }

    /**
     * A profile's issued formulas in every spelling, and their tokens: the same for every return of that profile, so
     * built once per framework and profile instead of once per return (they were a third of the parent's time).
     */
    private record Prepared(Map<String, IssuedFormulas.Issued> issued,
                            Map<IssuedFormulas.Spelling, Map<String, IssuedFormulas.Issued>> spellings,
                            Map<IssuedFormulas.Spelling, Map<String, List<String>>> tokenized,
                            Map<Written, Optional<IssuedFormulas.Spelling>> recognised) {
        private static final PerRules<Prepared> BUILT = new PerRules<>();
        /**
         * Formula texts remembered per profile: nearly every return carries its cells' issued text (in one of a few
         * spellings, as saved by a few programs), so a handful per cell; the bound only stops a flood of variants.
         */
        private static final int MAX_RECOGNISED = 20_000;
        /** Characters beyond its issued length that a recognised formula may have and still be remembered. */
        private static final int PADDING = 64;

        /** A computed cell's formula as a return carries it. */
        private record Written(String name, String formula) {
        }

        static Prepared of(Checked c) {
            return BUILT.get(c.framework, c.profile, () -> {
                // Returns issued by earlier versions hold earlier spellings of the same rules.
                Map<IssuedFormulas.Spelling, Map<String, IssuedFormulas.Issued>> spellings = new java.util.EnumMap<>(IssuedFormulas.Spelling.class);
                Map<IssuedFormulas.Spelling, Map<String, List<String>>> tokenized = new java.util.EnumMap<>(IssuedFormulas.Spelling.class);
                for (IssuedFormulas.Spelling spelling : IssuedFormulas.Spelling.values()) {
                    spellings.put(spelling, IssuedFormulas.of(c.framework, c.profile, spelling));
                    tokenized.put(spelling, new java.util.concurrent.ConcurrentHashMap<>());
                }
                return new Prepared(IssuedFormulas.of(c.framework, c.profile), spellings, tokenized, new java.util.concurrent.ConcurrentHashMap<>());
            });
        }

        /** The first spelling whose formula for {@code name} means what {@code formula} does; empty when none does. */
        Optional<IssuedFormulas.Spelling> spellingOf(String name, String formula) {
            Written written = new Written(name, formula);
            Optional<IssuedFormulas.Spelling> known = recognised.get(written);
            if (known != null) {
                return known;
            }
            Optional<IssuedFormulas.Spelling> found = recognise(name, formula);
            // Only an issued formula comes back in return after return. One typed over it seldom repeats, and a few
            // thousand of those (a formula may hold 32,767 characters) would hold the parent's heap for nothing; nor
            // is an issued one padded far beyond its length remembered.
            if (found.isPresent() && formula.length() <= longestIssued(name) + PADDING && recognised.size() < MAX_RECOGNISED) {
                recognised.put(written, found);
            }
            return found;
        }

        private Optional<IssuedFormulas.Spelling> recognise(String name, String formula) {
            List<String> tokens = FormulaTokens.of(formula);
            for (IssuedFormulas.Spelling spelling : spellings.keySet()) {
                if (tokens.equals(tokens(spelling, name))) {
                    return Optional.of(spelling);
                }
            }
            return Optional.empty();
        }

        private int longestIssued(String name) {
            return spellings.values().stream().mapToInt(issued -> issued.get(name).formula().length()).max().orElse(0);
        }

        private List<String> tokens(IssuedFormulas.Spelling spelling, String name) {
            return tokenized.get(spelling).computeIfAbsent(name, n -> FormulaTokens.of(spellings.get(spelling).get(n).formula()));
        }
    }

    /** A cached value that differs from what the rules give (only where the file has one). */
    private static Optional<Finding> cached(Checked c, String name, RawCell cell, IssuedFormulas.Spelling spelling) {
        Object expected = spelling.blankWhileMissing() && waitsForInputs(c, name) ? null : expectedValue(c, name);
        boolean cachedBlank = !cell.type().equals("NUMERIC") && cell.text().isBlank();
        if ((expected == null && cachedBlank) || textSavedAsZero(c, expected, cell)) {
            return Optional.empty();
        }
        boolean same;
        if (expected instanceof BigDecimal number) {
            same = cell.type().equals("NUMERIC") && new BigDecimal(cell.number()).subtract(number).abs().compareTo(new BigDecimal("0.00005")) <= 0;
        } else {
            same = expected != null && expected.equals(cell.text());
        }
        if (same) {
            return Optional.empty();
        }
        String shown = expected == null ? "空白" : expected instanceof BigDecimal b ? c.shown(name, b) : expected.toString();
        String saved = cell.type().equals("NUMERIC") && !cell.number().isEmpty() ? c.shown(name, new BigDecimal(cell.number())) : cell.text();
        Finding finding = at(c, cell, name, FindingCode.C26, Severity.INFO, shown, saved, c.label(name) + " 的公式完好，文件中保存的计算结果为“"
                + saved + "”，按规则复核为“" + shown + "”：文件保存前没有重新计算。" + PROGRAMS + "。复核结果以 evalbook 按规则的计算为准，无需处理。");
        return Optional.of(finding.withValues(expected instanceof BigDecimal b ? b : null,
                cell.type().equals("NUMERIC") && !cell.number().isEmpty() ? new BigDecimal(cell.number()) : null));
    }

    /**
     * LibreOffice saves the result of a formula in a number-formatted cell of an .xls as a number whatever it is: a
     * text result, blank ("") included, becomes 0 (it writes by the cell's number format, not by the result). Such a 0
     * where the rules give text or blank says nothing about whether the file was recalculated.
     */
    private static boolean textSavedAsZero(Checked c, Object expected, RawCell cell) {
        return c.read.raw().format().equals("xls") && !(expected instanceof BigDecimal) && cell.type().equals("NUMERIC")
                && new BigDecimal(cell.number()).signum() == 0;
    }

    /**
     * Whether the workbook shows this computed cell blank, as today's spelling does while an input is blank: a score
     * whose rule had blank inputs, and the total and grade while any score had (the engine still scores them by the
     * profile's missing-data rule).
     */
    private static boolean waitsForInputs(Checked c, String name) {
        if (name.equals("score_total") || name.equals("grade")) {
            return c.scores.indicators().stream().anyMatch(i -> !i.blankInputs().isEmpty());
        }
        return name.startsWith("score_") && c.scores.indicator(name.substring("score_".length()))
                .filter(i -> !i.blankInputs().isEmpty()).isPresent();
    }

    private static Object expectedValue(Checked c, String name) {
        if (name.equals("score_total")) {
            return c.scores.total();
        }
        if (name.equals("grade")) {
            return c.scores.grade();
        }
        String indicator = name.replaceFirst("^(rate|score)_", "");
        Optional<IndicatorScore> score = c.scores.indicator(indicator);
        if (score.isEmpty()) {
            return null;
        }
        if (name.startsWith("rate_")) {
            return score.get().rate().orElse(null);
        }
        return score.get().score().<Object>map(s -> s).orElse("不适用");
    }

    private static Finding at(Checked c, RawCell cell, String name, Severity severity, String expected, String actual, String message) {
        return at(c, cell, name, FindingCode.C18, severity, expected, actual, message);
    }

    private static Finding at(Checked c, RawCell cell, String name, FindingCode code, Severity severity, String expected, String actual,
                              String message) {
        return new Finding(code, severity, c.read.file(), cell.sheet(), List.of(cell.ref()), name, expected, actual,
                cell.ref() + " " + message);
    }

    private static String abbreviate(String formula) {
        return formula.length() > 80 ? formula.substring(0, 80) + "…" : formula;
    }
}
