package org.evalbook.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.evalbook.framework.Decimals;
import org.evalbook.framework.EdgePolicy;
import org.evalbook.framework.Expression;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.Formula;
import org.evalbook.framework.Framework;
import org.evalbook.framework.GradeBand;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.Rule;
import org.evalbook.framework.TableDef;

/**
 * The workbook's live formulas, compiled from the same framework the Java engine reads, so that the two are two
 * implementations of one rule set. Formulas refer to cells by their defined names. Rounding follows the engine:
 * ratios to 4 decimals, scores to 2, each after a first rounding to 10 decimals that removes binary noise (so a
 * ratio the engine rounds half up from exactly x.xxxx5 is rounded up here too).
 *
 * <p>Blank semantics: a blank input makes a rate blank; its score shows blank too (the engine applies the profile's
 * missing-data rule when the return is checked), or, as evalbook first spelled it, that rule's score — see
 * {@link WhileMissing}. Table rows count when any of their cells is filled. Table aggregates are spelled as
 * {@link Aggregates} says: today without array entry, so no cell of an issued workbook is an array formula.
 */
final class ExcelFormulas {
    static final String NOT_APPLICABLE = "不适用";
    private static final String BLANK = "\"\"";

    private final Framework framework;
    private final Aggregates aggregates;
    private final WhileMissing whileMissing;

    ExcelFormulas(Framework framework, Aggregates aggregates, WhileMissing whileMissing) {
        this.framework = framework;
        this.aggregates = aggregates;
        this.whileMissing = whileMissing;
    }

    /** {@code rate_<id>}: the ratio rounded to 4 decimals, blank when an input is blank or the denominator 0. */
    String rate(Formula formula) {
        Parts p = parts(formula);
        return "IF(" + p.missingOr() + "," + BLANK + ",IF(" + p.zeroDenominator + "," + BLANK + "," + round(p.ratio, 4) + "))";
    }

    /** {@code score_<id>} of a rate indicator: the edge-case policies, else the rule applied to {@code rate_<id>}. */
    String rateScore(ProfileEntry entry) {
        Parts p = parts(entry.formula().orElseThrow().formula());
        String missing = p.missingOr();
        String policyZero = p.zeroNumerator == null ? policy(entry, entry.edgeCases().zeroOverZero())
                : "IF(" + p.zeroNumerator + "," + policy(entry, entry.edgeCases().zeroOverZero()) + ","
                + policy(entry, entry.edgeCases().xOverZero()) + ")";
        return "IF(" + missing + "," + whileMissing(entry) + ",IF(" + p.zeroDenominator + ","
                + policyZero + "," + rule(entry, entry.indicator().rateName()) + "))";
    }

    /** {@code score_<id>} of a checklist: Σ points of the items answered 是; a blank item → the missing rule. */
    String checklistScore(ProfileEntry entry) {
        Indicator indicator = entry.indicator();
        List<BigDecimal> points = ((Rule.Checklist) entry.rule()).points();
        List<String> blanks = new ArrayList<>();
        List<String> sum = new ArrayList<>();
        for (int n = 1; n <= points.size(); n++) {
            blanks.add("ISBLANK(" + indicator.checkName(n) + ")");
            sum.add("(" + indicator.checkName(n) + "=\"是\")*" + number(points.get(n - 1)));
        }
        return "IF(OR(" + String.join(",", blanks) + ")," + whileMissing(entry) + ","
                + round(String.join("+", sum), 2) + ")";
    }

    /** {@code score_<id>} of a judgement: the self-score kept within the declared level's band. */
    String judgementScore(ProfileEntry entry) {
        Indicator indicator = entry.indicator();
        String self = indicator.selfName();
        String level = indicator.levelName();
        List<String> notALevel = new ArrayList<>();
        StringBuilder clamp = new StringBuilder();
        int open = 0;
        List<JudgementLevel> levels = framework.judgementLevels();
        for (int i = 0; i < levels.size(); i++) {
            JudgementLevel l = levels.get(i);
            notALevel.add(level + "<>\"" + l.level() + "\"");
            BigDecimal low = l.low(entry.weight());
            BigDecimal high = l.high(entry.weight());
            String clamped = "MAX(" + number(low) + ",MIN(" + number(high) + "," + self + "))";
            if (i < levels.size() - 1) {
                clamp.append("IF(").append(level).append("=\"").append(l.level()).append("\",").append(clamped).append(",");
                open++;
            } else {
                clamp.append(clamped);
            }
        }
        clamp.append(")".repeat(open));
        return "IF(OR(NOT(ISNUMBER(" + self + ")),AND(" + String.join(",", notALevel) + "))," + whileMissing(entry)
                + "," + round("MAX(0,MIN(" + number(entry.weight()) + "," + clamp + "))", 2) + ")";
    }

    /** {@code score_total}: Σ applicable scores / Σ applicable weights × 100; blank while a score is (see {@link WhileMissing}). */
    String total(Profile profile) {
        String scores = profile.entries().stream().map(e -> e.indicator().scoreName()).collect(Collectors.joining(","));
        String weights = profile.entries().stream().map(e -> "IF(ISNUMBER(" + e.indicator().scoreName() + "),"
                + number(e.weight()) + ",0)").collect(Collectors.joining("+"));
        String total = "IF((" + weights + ")=0,0," + round("SUM(" + scores + ")*100/(" + weights + ")", 2) + ")";
        if (whileMissing == WhileMissing.POLICY_SCORE) {
            return total;
        }
        String blanks = profile.entries().stream().map(e -> e.indicator().scoreName() + "=" + BLANK).collect(Collectors.joining(","));
        return "IF(OR(" + blanks + ")," + BLANK + "," + total + ")";
    }

    /** {@code grade}: the band of the total; blank while the total is. */
    String grade() {
        StringBuilder text = new StringBuilder();
        List<GradeBand> grades = framework.grades();
        for (int i = 0; i < grades.size() - 1; i++) {
            text.append("IF(score_total>=").append(number(grades.get(i).atLeast())).append(",\"").append(grades.get(i).grade()).append("\",");
        }
        text.append("\"").append(grades.get(grades.size() - 1).grade()).append("\"").append(")".repeat(grades.size() - 1));
        return whileMissing == WhileMissing.POLICY_SCORE ? text.toString() : "IF(score_total=" + BLANK + "," + BLANK + "," + text + ")";
    }

    /** The live check beside a typed total: ✓, the difference, or blank while a needed figure is blank. */
    String sumCheck(String total, Expression equals) {
        Parts p = new Parts();
        String sum = expression(equals, p, true);
        String missing = p.missingOr("NOT(ISNUMBER(" + total + "))");
        String difference = "ROUND(" + total + "-(" + sum + "),2)";
        return "IF(" + missing + "," + BLANK + ",IF(" + difference + "=0,\"✓\",\"差 \"&TEXT(" + difference + ",\"0.00\")))";
    }

    private String rule(ProfileEntry entry, String rate) {
        BigDecimal w = entry.weight();
        Rule rule = entry.rule();
        if (rule instanceof Rule.Step step) {
            String beyond = step.good() == Rule.Side.AT_MOST ? rate + "-" + number(step.threshold())
                    : number(step.threshold()) + "-" + rate;
            String points = "ROUND(MAX(0," + beyond + ")*100,2)";
            String steps = "ROUNDUP(ROUND(" + points + "/" + number(step.per()) + ",6),0)";
            return round("MAX(0," + number(w) + "-" + number(step.penalty()) + "*" + steps + ")", 2);
        }
        if (rule instanceof Rule.Bands bands) {
            StringBuilder text = new StringBuilder();
            for (Rule.Band band : bands.bands()) {
                text.append("IF(").append(rate).append(band.bound() == Rule.Side.AT_LEAST ? ">=" : "<=")
                        .append(number(band.limit())).append(",").append(number(band.points())).append(",");
            }
            return text.append(number(bands.otherwise())).append(")".repeat(bands.bands().size())).toString();
        }
        Rule.Proportional p = (Rule.Proportional) rule;
        String target = number(p.target());
        return switch (p.direction()) {
            case POSITIVE -> round(number(w) + "*MAX(0,MIN(1," + rate + "/" + target + "))", 2);
            case NEGATIVE -> "IF(" + rate + "<=0," + number(w) + "," + round(number(w) + "*MIN(1," + target + "/" + rate + ")", 2) + ")";
            case EQUAL -> round(number(w) + "*MAX(0,1-ABS(" + rate + "-" + target + ")/" + target + ")", 2);
        };
    }

    /** What a score shows while an input its rule needs is blank. */
    private String whileMissing(ProfileEntry entry) {
        return whileMissing == WhileMissing.BLANK ? BLANK : policy(entry, entry.edgeCases().missing());
    }

    private static String policy(ProfileEntry entry, EdgePolicy policy) {
        return switch (policy) {
            case FULL -> number(entry.weight());
            case ZERO -> "0";
            case NOT_APPLICABLE -> "\"" + NOT_APPLICABLE + "\"";
        };
    }

    static String round(String expression, int decimals) {
        return "ROUND(ROUND(" + expression + ",10)," + decimals + ")";
    }

    static String number(BigDecimal value) {
        return Decimals.plain(value);
    }

    /** The pieces of a rate formula: when it cannot be computed, when the denominator is 0, and the ratio. */
    private Parts parts(Formula formula) {
        Parts p = new Parts();
        if (formula instanceof Formula.Ratio ratio) {
            String numerator = expression(ratio.numerator(), p, false);
            String denominator = expression(ratio.denominator(), p, false);
            p.zeroDenominator = "ROUND(" + denominator + ",10)=0";
            p.zeroNumerator = "ROUND(" + numerator + ",10)=0";
            p.ratio = "(" + numerator + ")/(" + denominator + ")";
        } else {
            mean((Formula.RowMean) formula, p);
        }
        return p;
    }

    private void mean(Formula.RowMean mean, Parts p) {
        TableDef table = framework.table(mean.table()).orElseThrow();
        String rows = rowFilled(table);
        Condition where = mean.rowsWhere().map(this::condition).orElse(new Condition("1", "0"));
        String num = mean.numerator();
        String den = mean.denominator();
        p.missing.add(aggregates.sum(rows) + "=0");
        p.missing.add(aggregates.sum(rows + "*((" + where.blank + ")+(" + where.holds + ")*((" + den + "=\"\")+(" + den + "<>0)*(" + num + "=\"\")))") + ">0");
        String counted = aggregates.sum(rows + "*(" + where.holds + ")*(" + den + "<>0)");
        String safeRatio = num + "/(" + den + "+(" + den + "=0))";
        String capped = aggregates.capped(safeRatio, number(mean.cap()));
        String sum = aggregates.sumWhere(rows + "*(" + where.holds + ")*(" + den + "<>0)", capped);
        p.zeroDenominator = counted + "=0";
        p.ratio = sum + "/" + counted;
    }

    private String expression(Expression expression, Parts p, boolean sumCheck) {
        StringBuilder text = new StringBuilder();
        for (Expression.Term term : expression.terms()) {
            if (term.sign() < 0 || text.length() > 0) {
                text.append(term.sign() < 0 ? "-" : "+");
            }
            text.append(operand(term.operand(), p, sumCheck));
        }
        return text.toString();
    }

    private String operand(Expression.Operand operand, Parts p, boolean sumCheck) {
        if (operand instanceof Expression.FieldRef ref) {
            boolean optional = sumCheck && framework.field(ref.field()).map(FieldDef::blankInSums).orElse(false);
            if (optional) {
                return "IF(ISNUMBER(" + ref.field() + ")," + ref.field() + ",0)";
            }
            p.missing.add("NOT(ISNUMBER(" + ref.field() + "))");
            return ref.field();
        }
        if (sumCheck) {
            Expression.ColumnSum sum = (Expression.ColumnSum) operand;
            p.missing.add("COUNT(" + sum.column() + ")=0");
            return "SUM(" + sum.column() + ")";
        }
        if (operand instanceof Expression.ColumnSum sum) {
            TableDef table = framework.tableOf(sum.column()).orElseThrow();
            String rows = rowFilled(table);
            Condition where = sum.where().map(this::condition).orElse(new Condition("1", "0"));
            p.missing.add(aggregates.sum(rows) + "=0");
            p.missing.add(aggregates.sum(rows + "*((" + where.blank + ")+(" + where.holds + ")*(" + sum.column() + "=\"\"))") + ">0");
            return aggregates.sumWhere(rows + "*(" + where.holds + ")*ISNUMBER(" + sum.column() + ")", sum.column());
        }
        Expression.RowCount count = (Expression.RowCount) operand;
        String rows = rowFilled(framework.table(count.table()).orElseThrow());
        Condition where = count.where().map(this::condition).orElse(new Condition("1", "0"));
        p.missing.add(aggregates.sum(rows) + "=0");
        p.missing.add(aggregates.sum(rows + "*(" + where.blank + ")") + ">0");
        return aggregates.sum(rows + "*(" + where.holds + ")");
    }

    /**
     * An array of 1 for the table's filled rows and 0 for the others: a row counts when any of its cells is filled.
     * (Multiplied by 1 because SUM and SUMPRODUCT, in Excel as in POI and LibreOffice, skip TRUE/FALSE.)
     */
    private static String rowFilled(TableDef table) {
        return "(((" + table.columns().stream().map(c -> "(" + c.id() + "<>\"\")").collect(Collectors.joining("+")) + ")>0)*1)";
    }

    /** A row condition as two arrays: where it holds, and where a compared cell is blank (read left to right). */
    private record Condition(String holds, String blank) {
    }

    private Condition condition(Expression.Condition condition) {
        String holds = "1";
        String blank = "0";
        List<Expression.Comparison> comparisons = condition.comparisons();
        for (int i = comparisons.size() - 1; i >= 0; i--) {
            Expression.Comparison c = comparisons.get(i);
            String cellBlank;
            String test;
            if (c.right() instanceof Expression.TextValue text) {
                cellBlank = "(" + c.column() + "=\"\")";
                test = "(" + c.column() + (c.op() == Expression.Comparator.EQ ? "=" : "<>") + "\"" + text.text() + "\")";
            } else if (c.right() instanceof Expression.ColumnValue other) {
                cellBlank = "((" + c.column() + "=\"\")+(" + other.column() + "=\"\")>0)";
                test = "(" + c.column() + c.op().symbol() + other.column() + ")";
            } else {
                cellBlank = "(" + c.column() + "=\"\")";
                test = "(" + c.column() + c.op().symbol() + number(((Expression.NumberValue) c.right()).number()) + ")";
            }
            blank = "(" + cellBlank + "+" + test + "*" + blank + ")";
            holds = "(" + test + "*" + holds + ")";
        }
        return new Condition(holds, blank);
    }

    /** What a formula needs besides its value: the conditions under which it cannot be computed. */
    private static final class Parts {
        final List<String> missing = new ArrayList<>();
        String zeroDenominator;
        String zeroNumerator;
        String ratio;

        String missingOr(String... more) {
            List<String> all = new ArrayList<>(List.of(more));
            all.addAll(missing);
            return all.isEmpty() ? "FALSE" : "OR(" + String.join(",", all) + ")";
        }
    }
}
