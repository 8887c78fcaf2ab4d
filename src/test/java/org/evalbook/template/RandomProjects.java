package org.evalbook.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.TableRow;

/**
 * Seeded random fillings of a project sheet that a unit could plausibly type: every 指标性质 spelling, 定性 levels, 不适用,
 * unknown or blank 指标性质, blank and zero targets and actuals, 满意度 rows written ≤, blank and zero budgets.
 */
final class RandomProjects {
    private static final String[] LEVELS = {"产出指标", "产出", "效益指标", "效益", "满意度指标", "满意度"};
    private static final String[] OPS = {"≥", ">=", "≧", "≤", "<=", "＜＝", "=", "＝", "定性", "不适用", "", "大于"};
    private static final String[] JUDGEMENTS = {"达成", "部分达成", "未达成", "", "基本达成"};

    private final Random random;
    private final int rows;

    RandomProjects(long seed, int rows) {
        this.random = new Random(seed);
        this.rows = rows;
    }

    FieldValues next() {
        FieldValues.Builder values = FieldValues.builder().text("pj_name", "项目" + random.nextInt(1000));
        amount(values, "pj_funds_total_initial");
        int budget = random.nextInt(10);
        if (budget == 0) {
            values.number("pj_funds_total_full", BigDecimal.ZERO);
        } else if (budget > 1) {
            values.number("pj_funds_total_full", money());
        }
        if (random.nextInt(8) > 0) {
            values.number("pj_funds_total_exec", random.nextInt(4) == 0 ? BigDecimal.ZERO : money());
        }
        int filled = random.nextInt(rows + 1);
        for (int i = 1; i <= filled; i++) {
            if (random.nextInt(10) == 0) {
                continue;  // a blank row between filled ones
            }
            values.row("pi", row(i));
        }
        return values.build();
    }

    private TableRow row(int index) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        texts.put("pi_level1", LEVELS[random.nextInt(LEVELS.length)]);
        texts.put("pi_name", "指标" + index);
        String op = OPS[random.nextInt(OPS.length)];
        if (!op.isEmpty()) {
            texts.put("pi_op", op);
        }
        BigDecimal weight = BigDecimal.valueOf(random.nextInt(200), 1);
        if (random.nextInt(12) > 0) {
            numbers.put("pi_weight", weight);
        }
        if (op.equals("定性")) {
            String level = JUDGEMENTS[random.nextInt(JUDGEMENTS.length)];
            if (!level.isEmpty()) {
                texts.put("pi_actual", level);
            }
        } else {
            figure(numbers, "pi_target");
            figure(numbers, "pi_actual");
        }
        if (random.nextInt(6) > 0) {
            numbers.put("pi_self", weight.multiply(BigDecimal.valueOf(random.nextInt(101), 2)).setScale(2, java.math.RoundingMode.HALF_UP));
        }
        return new TableRow(index, numbers, texts);
    }

    private void figure(Map<String, BigDecimal> numbers, String column) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return;
        }
        numbers.put(column, switch (kind) {
            case 1 -> BigDecimal.ZERO;
            case 2, 3 -> BigDecimal.valueOf(random.nextInt(10000), 2);   // percentages written as 95.37
            case 4 -> BigDecimal.valueOf(random.nextInt(1000), 4);       // fractions 0.0375
            default -> BigDecimal.valueOf(1 + random.nextInt(700));     // counts: 2 个, 610 户
        });
    }

    private void amount(FieldValues.Builder values, String id) {
        if (random.nextBoolean()) {
            values.number(id, money());
        }
    }

    private BigDecimal money() {
        return BigDecimal.valueOf(random.nextInt(5_000_000), 2);
    }

    static List<FieldValues> many(long seed, int count, int rows) {
        RandomProjects random = new RandomProjects(seed, rows);
        List<FieldValues> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(random.next());
        }
        return all;
    }
}
