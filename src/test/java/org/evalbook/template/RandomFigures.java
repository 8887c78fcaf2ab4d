package org.evalbook.template;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.TableDef;
import org.evalbook.framework.TableRow;

/**
 * Random but deliberate figures for one unit: every scalar drawn from a palette that hits the rules' edges (blank, 0,
 * exact thresholds such as 100 and 90 against 100, 107, and free 2-decimal amounts), tables with gaps, zero plans and
 * blank keys, checklists and judgements with blank and invalid answers.
 */
final class RandomFigures {
    private static final String[] PALETTE = {null, "0", "100", "100", "90", "107", "95.5", "80", "60", "110", "89.996"};

    private final Framework framework;
    private final Random random;
    private Gaps gaps = Gaps.SOME;

    RandomFigures(Framework framework, long seed) {
        this.framework = framework;
        this.random = new Random(seed);
    }

    /** Whether a unit's figures may leave inputs blank: the workbook shows no score while a rule's inputs are blank. */
    enum Gaps {
        SOME, NONE
    }

    FieldValues next() {
        return next(Gaps.SOME);
    }

    FieldValues next(Gaps gaps) {
        this.gaps = gaps;
        FieldValues.Builder values = FieldValues.builder();
        for (FieldDef field : framework.fields()) {
            if (field.type().isNumeric() && !field.group().equals("自评") && !field.group().equals("计算结果")) {
                String value = pick(field.type());
                if (value != null) {
                    values.number(field.id(), value);
                }
            }
        }
        for (TableDef table : List.of(framework.table("proj").orElseThrow(), framework.table("task").orElseThrow())) {
            int rows = gaps == Gaps.NONE ? 1 + random.nextInt(5) : random.nextInt(6);
            int index = 0;
            for (int r = 0; r < rows; r++) {
                index += 1 + random.nextInt(2);
                values.row(table.id(), row(table, index));
            }
        }
        for (Indicator indicator : framework.indicators()) {
            for (int n = 1; n <= indicator.items().size(); n++) {
                String answer = gaps == Gaps.NONE ? oneOf("是", "是", "否") : oneOf("是", "是", "否", null);
                if (answer != null) {
                    values.text(indicator.checkName(n), answer);
                }
            }
            if (indicator.kind() == IndicatorKind.JUDGEMENT) {
                List<String> levels = framework.judgementLevels().stream().map(JudgementLevel::level).toList();
                String level = gaps == Gaps.NONE ? oneOf(levels.get(0), levels.get(1), levels.get(2))
                        : oneOf(levels.get(0), levels.get(1), levels.get(2), "很好", null);
                if (level != null) {
                    values.text(indicator.levelName(), level);
                }
                if (gaps == Gaps.NONE || random.nextInt(8) > 0) {
                    values.number(indicator.selfName(), BigDecimal.valueOf(random.nextInt(801), 2).toPlainString());
                }
            }
        }
        return values.build();
    }

    private TableRow row(TableDef table, int index) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (FieldDef column : table.columns()) {
            if (gaps == Gaps.SOME && random.nextInt(10) == 0) {
                continue;
            }
            if (column.type() == FieldType.CHOICE) {
                texts.put(column.id(), oneOf("是", "否", "是"));
            } else if (column.type().isNumeric()) {
                numbers.put(column.id(), new BigDecimal(oneOf("0", "1", "2", "3", "5", "12.5", "100")));
            } else {
                texts.put(column.id(), "第" + index + "行");
            }
        }
        if (numbers.isEmpty() && texts.isEmpty()) {
            texts.put(table.columns().get(0).id(), "第" + index + "行");
        }
        return new TableRow(index, numbers, texts);
    }

    private String pick(FieldType type) {
        if (random.nextInt(4) == 0) {
            return BigDecimal.valueOf(random.nextInt(30000), type == FieldType.INTEGER ? 0 : 2).toPlainString();
        }
        String value = PALETTE[gaps == Gaps.NONE ? 1 + random.nextInt(PALETTE.length - 1) : random.nextInt(PALETTE.length)];
        if (value != null && type == FieldType.INTEGER && value.contains(".")) {
            return "95";
        }
        if (value != null && type == FieldType.PERCENT) {
            return new BigDecimal(value).movePointLeft(2).toPlainString();
        }
        return value;
    }

    @SafeVarargs
    private <T> T oneOf(T... options) {
        return options[random.nextInt(options.length)];
    }
}
