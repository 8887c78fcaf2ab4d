package org.evalbook.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.util.CellReference;
import org.evalbook.framework.GradeBand;
import org.evalbook.framework.IndicatorLevel;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.Operator;
import org.evalbook.framework.OperatorKind;
import org.evalbook.framework.ProjectFramework;

/**
 * The computed cells of a project sheet as Excel formulas that give what {@code check/ProjectScorer} gives: every ratio
 * rounded to 4 decimals and every score to 2, a blank input leaving the rate blank (never #DIV/0!). Formulas refer to
 * cells of their own sheet without a sheet name, so a copied sheet computes its own project. Each rounding first
 * rounds to 10 decimals, as the 部门整体支出 workbook does, so that binary noise (0.12344999… for 0.12345) cannot tip a
 * half the other way than the decimal arithmetic of the Java engine.
 */
final class ProjectFormulas {
    private final ProjectFramework framework;

    ProjectFormulas(ProjectFramework framework) {
        this.framework = framework;
    }

    /** 执行率: 全年执行数 / 全年预算数, blank when either is not a number or the budget is not above 0. */
    String executionRate(String executed, String budget) {
        return "IF(AND(ISNUMBER(" + executed + "),ISNUMBER(" + budget + ")),IF(" + budget + ">0," + round("" + executed + "/" + budget, 4)
                + ",\"\"),\"\")";
    }

    /** 执行率得分: min(w, w × rate), 0 when there is no rate. */
    String executionScore(String rate, String weight) {
        return "IF(ISNUMBER(" + rate + "),MIN(" + weight + "," + round(weight + "*" + rate, 2) + "),0)";
    }

    /**
     * One indicator row's score: blank for an empty row or a 不适用 one; 0 for an unknown 指标性质 or a missing number;
     * else by its level's direction (满意度 正向) or its 指标性质.
     *
     * @param row the 0-based sheet row; columns by letter from {@link ProjectSheet}
     */
    String indicatorScore(int row) {
        String level = trimmed(ProjectSheet.LEVEL1, row);
        String op = trimmed(ProjectSheet.OP, row);
        String weight = "IF(ISNUMBER(" + ref(ProjectSheet.WEIGHT, row) + ")," + ref(ProjectSheet.WEIGHT, row) + ",0)";
        String target = number(ref(ProjectSheet.TARGET, row));
        String actual = number(ref(ProjectSheet.ACTUAL, row));
        String both = "AND(ISNUMBER(" + target + "),ISNUMBER(" + actual + "))";
        String full = round(weight, 2);
        String positive = "IF(" + both + ",IF(" + target + "<=0," + full + "," + round(weight + "*MIN(1," + round(actual + "/" + target, 4) + ")", 2) + "),0)";
        String negative = "IF(" + both + ",IF(" + actual + "<=0," + full + "," + round(weight + "*MIN(1," + round(target + "/" + actual, 4) + ")", 2) + "),0)";
        String equal = "IF(" + both + ",IF(" + target + "=0,IF(" + actual + "=0," + full + ",0),"
                + round(weight + "*MAX(0,1-" + round("ABS(" + actual + "-" + target + ")/ABS(" + target + ")", 4) + ")", 2) + "),0)";
        String quantitative = "IF(" + is(op, OperatorKind.POSITIVE) + "," + positive + ",IF(" + is(op, OperatorKind.NEGATIVE) + "," + negative + "," + equal + "))";
        String directed = levelsWith(OperatorKind.POSITIVE, level).map(l -> "IF(" + l + "," + positive + "," + quantitative + ")").orElse(quantitative);
        String inputs = ref(ProjectSheet.LEVEL1, row) + ":" + ref(ProjectSheet.WEIGHT, row) + "," + ref(ProjectSheet.SELF, row) + ":" + ref(ProjectSheet.REASON, row);
        return "IF(COUNTA(" + inputs + ")=0,\"\",IF(" + is(op, OperatorKind.NOT_APPLICABLE) + ",\"\",IF(" + is(op, OperatorKind.JUDGEMENT) + ","
                + judgement(row, weight) + ",IF(OR(" + is(op, OperatorKind.POSITIVE) + "," + is(op, OperatorKind.NEGATIVE) + "," + is(op, OperatorKind.EQUAL) + "),"
                + directed + ",0))))";
    }

    /**
     * 总分: 执行率得分 + Σ row scores, rescaled to 100 when 不适用 rows dropped some weight (less than all of it); blank while no
     * indicator row is filled, so a fresh form shows no verdict.
     */
    String total(String executionScore, int firstRow, int lastRow) {
        String scores = ref(ProjectSheet.SCORE, firstRow) + ":" + ref(ProjectSheet.SCORE, lastRow);
        String ops = ref(ProjectSheet.OP, firstRow) + ":" + ref(ProjectSheet.OP, lastRow);
        String weights = ref(ProjectSheet.WEIGHT, firstRow) + ":" + ref(ProjectSheet.WEIGHT, lastRow);
        String sum = "(" + executionScore + "+SUM(" + scores + "))";
        String dropped = "(" + spellings(OperatorKind.NOT_APPLICABLE).stream().map(s -> "SUMIF(" + ops + "," + quote(s) + "," + weights + ")")
                .collect(Collectors.joining("+")) + ")";
        String inputs = ref(ProjectSheet.LEVEL1, firstRow) + ":" + ref(ProjectSheet.WEIGHT, lastRow) + ","
                + ref(ProjectSheet.SELF, firstRow) + ":" + ref(ProjectSheet.REASON, lastRow);
        return "IF(COUNTA(" + inputs + ")=0,\"\",IF(AND(" + dropped + ">0," + dropped + "<100)," + round(sum + "*100/(100-" + dropped + ")", 2) + "," + round(sum, 2) + ")" + ")";
    }

    /** 自评等级 by the framework's bands, the first band whose minimum the total reaches. */
    String grade(String total) {
        List<GradeBand> bands = framework.grades();
        String formula = quote(bands.get(bands.size() - 1).grade());
        for (int i = bands.size() - 2; i >= 0; i--) {
            formula = "IF(" + total + ">=" + Validations.plain(bands.get(i).atLeast()) + "," + quote(bands.get(i).grade()) + "," + formula + ")";
        }
        return "IF(ISNUMBER(" + total + ")," + formula + ",\"\")";
    }

    /** 定性: the unit's own score kept inside the band of the level it declares; 0 without a level or a score. */
    private String judgement(int row, String weight) {
        String declared = trimmed(ProjectSheet.ACTUAL, row);
        String self = ref(ProjectSheet.SELF, row);
        String formula = "0";
        List<JudgementLevel> levels = framework.judgementLevels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            JudgementLevel l = levels.get(i);
            String low = round(weight + "*" + Validations.plain(l.from()), 2);
            String high = round(weight + "*" + Validations.plain(l.to()), 2) + (l.toInclusive() ? "" : "-0.01");
            formula = "IF(" + declared + "=" + quote(l.level()) + "," + round("MIN(MAX(" + self + "," + low + ")," + high + ")", 2) + "," + formula + ")";
        }
        return "IF(ISNUMBER(" + self + ")," + formula + ",0)";
    }

    private Optional<String> levelsWith(OperatorKind direction, String level) {
        List<String> tests = new ArrayList<>();
        for (IndicatorLevel l : framework.levels()) {
            if (l.direction().equals(Optional.of(direction))) {
                tests.add(level + "=" + quote(l.level()));
                if (l.level().endsWith("指标")) {
                    tests.add(level + "=" + quote(l.level().substring(0, l.level().length() - 2)));
                }
            }
        }
        return tests.isEmpty() ? Optional.empty() : Optional.of("OR(" + String.join(",", tests) + ")");
    }

    private String is(String op, OperatorKind kind) {
        return "OR(" + spellings(kind).stream().map(s -> op + "=" + quote(s)).collect(Collectors.joining(",")) + ")";
    }

    private List<String> spellings(OperatorKind kind) {
        List<String> spellings = new ArrayList<>();
        for (Operator o : framework.operators()) {
            if (o.kind() == kind) {
                spellings.add(o.symbol());
                spellings.addAll(o.also());
            }
        }
        return spellings;
    }

    /** A number, or text that reads as one (a target typed into a text cell); "" otherwise. */
    private static String number(String cell) {
        return "IF(ISNUMBER(" + cell + ")," + cell + ",IF(LEN(TRIM(" + cell + "))=0,\"\",IFERROR(VALUE(TRIM(" + cell + ")),\"\")))";
    }

    private static String trimmed(int column, int row) {
        return "TRIM(" + ref(column, row) + ")";
    }

    static String ref(int column, int row) {
        return new CellReference(row, column).formatAsString();
    }

    static String round(String expression, int decimals) {
        return "ROUND(ROUND(" + expression + ",10)," + decimals + ")";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
