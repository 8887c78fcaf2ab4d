package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Expression;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.SumCheck;
import org.evalbook.framework.TableRow;

/**
 * C01–C08: typed totals against their parts, with checks.md's tolerance. A difference within
 * 0.01 · max(1, ⌈n/2⌉) is 尾差 (a warning; several of one code become one finding); more is an error naming every
 * contributing cell; a total smaller than its largest part is called a probable entry error. When the total or a part
 * that is not optional is blank, nothing is checked (the blank is its own C11).
 */
final class SumChecks {
    private static final String ROUNDING_ADVICE = "。属四舍五入尾差的，请在情况说明中注明；否则请核对。";
    private SumChecks() {
    }

    static List<Finding> run(Checked c) {
        List<Finding> errors = new ArrayList<>();
        Map<String, List<Finding>> rounding = new LinkedHashMap<>();
        for (SumCheck check : c.framework.sums()) {
            Optional<BigDecimal> total = c.number(check.total());
            if (total.isEmpty()) {
                continue;
            }
            Parts parts = parts(c, check.equals());
            if (parts == null || parts.typed == 0) {
                continue;
            }
            BigDecimal difference = total.get().subtract(parts.sum);
            if (difference.signum() == 0) {
                continue;
            }
            BigDecimal allowed = c.framework.checkParameters().roundingPerTwoParts().multiply(BigDecimal.valueOf(Math.max(1, (parts.typed + 1) / 2)));
            FindingCode code = FindingCode.valueOf(check.code());
            List<String> ids = new ArrayList<>(List.of(check.total()));
            ids.addAll(parts.ids);
            boolean withinRounding = difference.abs().compareTo(allowed) <= 0;
            String sum = c.shown(check.total(), parts.sum);
            String typed = c.shown(check.total(), total.get());
            String text = c.label(check.total()) + " " + typed + " ≠ " + parts.text
                    + (parts.typed > 1 && check.equals().terms().size() > 1 ? " = " + sum : "")
                    + "（差 " + c.shown(check.total(), difference.abs()) + (withinRounding ? "，尾差）" : "）");
            if (withinRounding) {
                rounding.computeIfAbsent(check.code(), k -> new ArrayList<>()).add(c.finding(code, Severity.WARNING, ids,
                        sum, typed, text + ROUNDING_ADVICE).withValues(parts.sum, total.get()));
            } else {
                boolean onlyAdds = check.equals().terms().stream().allMatch(t -> t.sign() > 0);
                String probable = onlyAdds && parts.largest != null && total.get().compareTo(parts.largest) < 0
                        ? "合计数小于其中一项（" + c.label(parts.largestId) + " " + c.shown(parts.largestId, parts.largest)
                        + "），很可能填错行或单位（元/万元）。" : "";
                errors.add(c.finding(code, Severity.ERROR, ids, sum, typed,
                        text + "。" + probable + "请核对合计数与各分项，改正后重新提交。").withValues(parts.sum, total.get()));
            }
        }
        List<Finding> findings = new ArrayList<>(errors);
        rounding.values().forEach(list -> findings.add(list.size() == 1 ? list.get(0) : cluster(c, list)));
        return findings;
    }

    /** Several 尾差 of one code as one finding listing every cell. */
    private static Finding cluster(Checked c, List<Finding> list) {
        Finding first = list.get(0);
        List<String> cells = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        list.forEach(f -> {
            cells.addAll(f.cells());
            lines.add(f.message().replace(ROUNDING_ADVICE, ""));
        });
        List<String> sorted = c.order.sorted(cells);
        String sheet = sorted.isEmpty() ? first.sheet() : sorted.get(0).substring(0, sorted.get(0).lastIndexOf('!'));
        return new Finding(first.code(), Severity.WARNING, first.file(), sheet, sorted, String.join(",", list.stream().map(Finding::field).toList()),
                "", "", "尾差 ×" + list.size() + "：" + String.join("；", lines) + ROUNDING_ADVICE);
    }

    /** The parts' sum and how it reads; null when a part that is not optional is blank (a table row's amount too). */
    private static Parts parts(Checked c, Expression expression) {
        Parts parts = new Parts();
        for (Expression.Term term : expression.terms()) {
            String sign = parts.text.isEmpty() ? (term.sign() < 0 ? "−" : "") : (term.sign() < 0 ? " − " : " + ");
            if (term.operand() instanceof Expression.FieldRef ref) {
                Optional<BigDecimal> value = c.number(ref.field());
                boolean optional = c.index().field(ref.field()).map(FieldDef::blankInSums).orElse(false);
                if (value.isEmpty() && !optional) {
                    return null;
                }
                if (value.isPresent()) {
                    parts.add(term.sign(), value.get(), ref.field());
                    parts.text += sign + c.label(ref.field()) + " " + c.shown(ref.field(), value.get());
                }
            } else if (term.operand() instanceof Expression.ColumnSum sum) {
                String table = c.index().tableOf(sum.column()).orElseThrow().id();
                List<TableRow> rows = c.read.values().rows(table);
                BigDecimal subtotal = BigDecimal.ZERO;
                int cells = 0;
                for (TableRow row : rows) {
                    Optional<BigDecimal> value = row.number(sum.column());
                    if (value.isEmpty()) {
                        return null;
                    }
                    parts.add(term.sign(), value.get(), sum.column() + "[" + row.index() + "]");
                    subtotal = subtotal.add(value.get());
                    cells++;
                }
                if (cells == 0) {
                    return null;
                }
                parts.text += sign + "Σ " + c.label(sum.column()) + "（" + cells + " 行）" + c.shown(sum.column(), subtotal);
            }
        }
        return parts;
    }

    private static final class Parts {
        BigDecimal sum = BigDecimal.ZERO;
        int typed;
        String text = "";
        final List<String> ids = new ArrayList<>();
        BigDecimal largest;
        String largestId;

        void add(int sign, BigDecimal value, String id) {
            sum = sign < 0 ? sum.subtract(value) : sum.add(value);
            typed++;
            ids.add(id);
            if (sign > 0 && (largest == null || value.compareTo(largest) > 0)) {
                largest = value;
                largestId = id;
            }
        }
    }
}
