package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.OperatorKind;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.TableRow;
import org.junit.jupiter.api.Test;

/** The project form's scoring (indicators.md §4), with expectations worked out by hand. */
class ProjectScorerTest {
    private static final ProjectFramework PROJECT = (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID);
    private static final ProjectScorer DEFAULT = new ProjectScorer(PROJECT, PROJECT.profile("default").orElseThrow());

    @Test
    void chongqingIndicatorAt7274PercentOfItsTargetEarnsNotFullMarks() {
        // 重庆 2021: actual 72.74 % of the target, weight 10 → 10 × 0.7274 = 7.27, where the form gave 10.
        ProjectScore score = DEFAULT.score(sheet("100", "100",
                row(1, "产出指标", "数量指标", "≥", "100", "72.74", "10", "10")));
        assertThat(score.rows().get(0).ratio()).contains(new BigDecimal("0.7274"));
        assertThat(score.rows().get(0).score()).contains(new BigDecimal("7.27"));
        assertThat(score.executionScore()).isEqualByComparingTo("10.00");
        assertThat(score.total()).isEqualByComparingTo("17.27");
    }

    @Test
    void chizhouTotalOfZeroMakesTheExecutionRateIncomputable() {
        // 池州 2022: 年度资金总额 0 in 全年预算数 → no execution rate, execution score 0.
        ProjectScore score = DEFAULT.score(sheet("0", "12.5"));
        assertThat(score.executionRate()).isEmpty();
        assertThat(score.executionScore()).isEqualByComparingTo("0");
    }

    @Test
    void executionRateCapsAtTheWeight() {
        // 15.4 budgeted, 15.4 spent → 100 % → 10; 16 spent of 15.4 → 103.9 % still 10; 9 of 11 → 0.8182 → 8.18.
        assertThat(DEFAULT.score(sheet("15.4", "16")).executionScore()).isEqualByComparingTo("10.00");
        assertThat(DEFAULT.score(sheet("11", "9")).executionRate()).contains(new BigDecimal("0.8182"));
        assertThat(DEFAULT.score(sheet("11", "9")).executionScore()).isEqualByComparingTo("8.18");
    }

    @Test
    void scoresByOperator() {
        ProjectScore score = DEFAULT.score(sheet("10", "10",
                row(1, "产出指标", "数量指标", "≥", "2", "3", "20", "20"),          // 1.5 → capped 20
                row(2, "产出指标", "成本指标", "≤", "5", "6", "15", "12.5"),         // 5/6 = 0.8333 → 12.50
                row(3, "产出指标", "时效指标", "=", "12", "9", "15", "11.25"),        // |9−12|/12 = 0.25 → 11.25
                row(4, "效益指标", "社会效益", "定性", "", "部分达成", "30", "20"),     // band [18, 23.99] → own 20
                row(5, "满意度指标", "服务对象满意度", "≤", "90", "85", "10", "9.44"))); // 满意度 正向: 85/90 = 0.9444 → 9.44
        assertThat(score.rows()).extracting(r -> r.score().orElseThrow()).containsExactly(new BigDecimal("20.00"),
                new BigDecimal("12.50"), new BigDecimal("11.25"), new BigDecimal("20.00"), new BigDecimal("9.44"));
        assertThat(score.rows().get(4).kind()).contains(OperatorKind.POSITIVE);
        assertThat(score.total()).isEqualByComparingTo("83.19");
        assertThat(score.grade()).isEqualTo("良");
    }

    @Test
    void judgementOutsideItsBandIsKeptInside() {
        // 达成 on weight 30: [24, 30]; the unit's 20 is kept at 24.
        ProjectScore score = DEFAULT.score(sheet("10", "10", row(1, "效益指标", "社会效益指标", "定性", "", "达成", "30", "20")));
        assertThat(score.rows().get(0).score()).contains(new BigDecimal("24.00"));
    }

    @Test
    void notApplicableIsDroppedAndTheRestRescaled() {
        // 10 + 45 of 90 applicable points (10 不适用) → 55 × 100 / 90 = 61.11.
        ProjectScore score = DEFAULT.score(sheet("10", "10",
                row(1, "产出指标", "数量指标", "≥", "10", "9", "50", "45"),
                row(2, "满意度指标", "服务对象满意度指标", "不适用", "", "", "10", "")));
        assertThat(score.droppedWeight()).isEqualByComparingTo("10");
        assertThat(score.rows().get(1).applicable()).isFalse();
        assertThat(score.total()).isEqualByComparingTo("61.11");
        assertThat(score.grade()).isEqualTo("中");
    }

    @Test
    void changedWeightsChangeTheExecutionScore() {
        ProjectScorer heavy = new ProjectScorer(PROJECT, PROJECT.profile("output-heavy").orElseThrow());
        assertThat(heavy.score(sheet("11", "9")).executionScore()).isEqualByComparingTo("16.36");
    }

    private static FieldValues sheet(String full, String exec, TableRow... rows) {
        FieldValues.Builder values = FieldValues.builder().number("pj_funds_total_full", full).number("pj_funds_total_exec", exec);
        for (TableRow row : rows) {
            values.row("pi", row);
        }
        return values.build();
    }

    private static TableRow row(int index, String level1, String level2, String op, String target, String actual, String weight, String self) {
        Map<String, BigDecimal> numbers = new HashMap<>();
        Map<String, String> texts = new HashMap<>(Map.of("pi_level1", level1, "pi_level2", level2, "pi_op", op));
        put(numbers, texts, "pi_target", target);
        put(numbers, texts, "pi_actual", actual);
        put(numbers, texts, "pi_weight", weight);
        put(numbers, texts, "pi_self", self);
        return new TableRow(index, numbers, texts);
    }

    private static void put(Map<String, BigDecimal> numbers, Map<String, String> texts, String column, String value) {
        if (value.isEmpty()) {
            return;
        }
        texts.put(column, value);
        if (value.matches("[0-9.]+")) {
            numbers.put(column, new BigDecimal(value));
        }
    }
}
