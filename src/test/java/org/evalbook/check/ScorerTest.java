package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.evalbook.framework.EdgeCases;
import org.evalbook.framework.EdgePolicy;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.TableRow;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engine end to end: field values in, rates, scores, total and grade out, edge cases included. */
class ScorerTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private static final Profile DEFAULT = FRAMEWORK.profile("default").orElseThrow();
    private static final Profile HUNAN = FRAMEWORK.profile("hunan-2022").orElseThrow();

    private static IndicatorScore score(Profile profile, String indicator, FieldValues values) {
        return new Scorer(FRAMEWORK, profile).score(values).indicator(indicator).orElseThrow();
    }

    private static FieldValues.Builder values() {
        return FieldValues.builder();
    }

    private static TableRow task(int index, String key, String planned, String actual) {
        Map<String, BigDecimal> numbers = new java.util.HashMap<>();
        if (planned != null) {
            numbers.put("task_planned", new BigDecimal(planned));
        }
        if (actual != null) {
            numbers.put("task_actual", new BigDecimal(actual));
        }
        return new TableRow(index, numbers, key == null ? Map.of() : Map.of("task_key", key));
    }

    @Nested
    class Rates {
        @Test
        void exactThresholdIsNotOver() {
            IndicatorScore staff = score(HUNAN, "input_staff_control",
                    values().number("staff_actual", "107").number("staff_authorized", "100").build());
            assertThat(staff.rate()).contains(new BigDecimal("1.0700"));
            assertThat(staff.score()).contains(new BigDecimal("1.50"));
            assertThat(staff.note()).isEqualTo("107 / 100 = 107.00%，得 1.50 分");
        }

        @Test
        void ratioIsRoundedToFourDecimalsBeforeTheRule() {
            // 89.996 / 100 = 0.89996 → 0.9000, which is in the ≥ 90 % band: 4 points, not 3.2.
            IndicatorScore key = score(DEFAULT, "input_key_spending", values()
                    .number("exp_project_final", "100")
                    .row("proj", new TableRow(1, Map.of("proj_final", new BigDecimal("89.996")), Map.of("proj_key", "是")))
                    .row("proj", new TableRow(2, Map.of("proj_final", new BigDecimal("10.004")), Map.of("proj_key", "否")))
                    .build());
            assertThat(key.rate()).contains(new BigDecimal("0.9000"));
            assertThat(key.score()).contains(new BigDecimal("4.00"));
        }

        @Test
        void theRoundedRateIsWhatTheRuleScores() {
            // 0.99745 → 0.9975 (4 decimals, half up); 2 × 0.9975 = 1.995 → 2.00. The unrounded ratio would give
            // 2 × 0.99745 = 1.9949 → 1.99.
            IndicatorScore pay = score(DEFAULT, "process_pay_progress", values()
                    .number("pay_actual_progress", "0.99745").number("pay_planned_progress", "1").build());
            assertThat(pay.rate()).contains(new BigDecimal("0.9975"));
            assertThat(pay.score()).contains(new BigDecimal("2.00"));
        }

        @Test
        void zeroOverZeroGivesFullMarksByDefault() {
            IndicatorScore sangong = score(HUNAN, "process_sangong_control",
                    values().number("sangong_total_final", "0").number("sangong_total_budget", "0").build());
            assertThat(sangong.outcome()).isEqualTo(Outcome.ZERO_OVER_ZERO);
            assertThat(sangong.rate()).isEmpty();
            assertThat(sangong.score()).contains(new BigDecimal("6.00"));
        }

        @Test
        void spendingWithNoBudgetGivesZeroAndSaysWhy() {
            IndicatorScore procurement = score(DEFAULT, "process_procurement",
                    values().number("procurement_final", "2.75").number("procurement_budget", "0").build());
            assertThat(procurement.outcome()).isEqualTo(Outcome.X_OVER_ZERO);
            assertThat(procurement.score()).contains(new BigDecimal("0.00"));
            assertThat(procurement.note()).isEqualTo("2.75 / 0.00（分母为 0，无法计算）；按方案规则计 0.00 分");
        }

        @Test
        void aBlankIsNotZero() {
            IndicatorScore staff = score(DEFAULT, "input_staff_control", values().number("staff_authorized", "7").build());
            assertThat(staff.outcome()).isEqualTo(Outcome.MISSING_DATA);
            assertThat(staff.blankInputs()).containsExactly("staff_actual");
            assertThat(staff.score()).contains(new BigDecimal("0.00"));
        }

        @Test
        void missingDataCanBeFullMarksWhenTheProfileSaysSo() {
            IndicatorScore building = score(HUNAN, "process_building_area", values().build());
            assertThat(building.outcome()).isEqualTo(Outcome.MISSING_DATA);
            assertThat(building.blankInputs()).containsExactly("building_area_actual", "building_area_approved");
            assertThat(building.score()).contains(new BigDecimal("5.00"));
            assertThat(building.note()).isEqualTo("缺少数据：楼堂馆所实际建设面积、楼堂馆所批复建设面积；按方案规则计满分（5.00 分）");
        }

        @Test
        void hunanCompletionFormulaWantsEveryTermEvenAZeroAddition() {
            // A blank 追加 is not zero: not computable. Typed 0: (10 + 100 + 0 − 5) / (10 + 100 + 0) = 105 / 110
            // = 0.954545… → 0.9545; 4.55 points short → 1 step of 5 → 5 − 2 = 3.
            FieldValues.Builder figures = values().number("carry_begin", "10").number("exp_total_budget", "100").number("carry_end", "5");
            IndicatorScore blank = score(HUNAN, "process_budget_completion", figures.build());
            assertThat(blank.outcome()).isEqualTo(Outcome.MISSING_DATA);
            assertThat(blank.blankInputs()).containsExactly("budget_addition");
            IndicatorScore completion = score(HUNAN, "process_budget_completion", figures.number("budget_addition", "0").build());
            assertThat(completion.rate()).contains(new BigDecimal("0.9545"));
            assertThat(completion.score()).contains(new BigDecimal("3.00"));
        }

        @Test
        void zeroOverZeroIsExactEvenWhenTheNumeratorIsASumOfDecimals() {
            // (0.1 + 0.2 − 0.3) / 0 is 0/0 exactly (binary floating point would call it x/0): full marks.
            IndicatorScore adjustment = score(DEFAULT, "process_budget_adjustment", values().number("budget_addition", "0.1")
                    .number("budget_reduction", "0.2").number("budget_policy_adjust", "0.3").number("exp_total_budget", "0").build());
            assertThat(adjustment.outcome()).isEqualTo(Outcome.ZERO_OVER_ZERO);
            assertThat(adjustment.score()).contains(new BigDecimal("3.00"));
        }

        @Test
        void mof53AdjustmentLeavesOutPolicyAdjustments() {
            // (8 + 2 − 4) / 100 = 6 % → ≤ 10 % band: 2 of 3.
            IndicatorScore adjustment = score(DEFAULT, "process_budget_adjustment", values()
                    .number("budget_addition", "8").number("budget_reduction", "2").number("budget_policy_adjust", "4")
                    .number("exp_total_budget", "100").build());
            assertThat(adjustment.rate()).contains(new BigDecimal("0.0600"));
            assertThat(adjustment.score()).contains(new BigDecimal("2.00"));
        }
    }

    @Nested
    class Tasks {
        @Test
        void completionAveragesCappedRatiosPerTaskAndSkipsTasksPlannedAtZero() {
            // Rows: 2/2 = 1, 4/5 = 0.8, 3/1 capped to 1, planned 0 left out → (1 + 0.8 + 1) / 3 = 0.9333… → 0.9333;
            // 10 × 0.9333 = 9.333 → 9.33.
            FieldValues v = values().row("task", task(1, "否", "2", "2")).row("task", task(2, "否", "5", "4"))
                    .row("task", task(3, "否", "1", "3")).row("task", task(4, "否", "0", "7")).build();
            IndicatorScore completion = score(DEFAULT, "output_completion", v);
            assertThat(completion.rate()).contains(new BigDecimal("0.9333"));
            assertThat(completion.score()).contains(new BigDecimal("9.33"));
        }

        @Test
        void keyTaskRateCountsKeyTasksDone() {
            // 2 of 3 key tasks done: 2/3 → 0.6667; 5 × 0.6667 = 3.3335 → 3.33.
            FieldValues v = values().row("task", task(1, "是", "1", "1")).row("task", task(2, "是", "2", "3"))
                    .row("task", task(3, "是", "4", "3")).row("task", task(4, "否", "9", "0")).build();
            IndicatorScore key = score(DEFAULT, "output_key_tasks", v);
            assertThat(key.rate()).contains(new BigDecimal("0.6667"));
            assertThat(key.score()).contains(new BigDecimal("3.33"));
        }

        @Test
        void noKeyTaskIsZeroOverZero() {
            FieldValues v = values().row("task", task(1, "否", "1", "1")).build();
            assertThat(score(DEFAULT, "output_key_tasks", v).outcome()).isEqualTo(Outcome.ZERO_OVER_ZERO);
        }

        @Test
        void blankCellsAreNamedWithTheirRow() {
            FieldValues v = values().row("task", task(1, "是", "1", "1")).row("task", task(2, null, "2", null)).build();
            IndicatorScore completion = score(DEFAULT, "output_completion", v);
            assertThat(completion.outcome()).isEqualTo(Outcome.MISSING_DATA);
            assertThat(completion.blankInputs()).containsExactly("task_actual[2]");
            assertThat(completion.note()).isEqualTo("缺少数据：年度工作任务·实际完成数（第 2 行）；按方案规则计 0.00 分");
            assertThat(score(DEFAULT, "output_key_tasks", v).blankInputs()).containsExactly("task_key[2]");
        }

        @Test
        void anEmptyTableIsMissingData() {
            IndicatorScore completion = score(DEFAULT, "output_completion", values().build());
            assertThat(completion.blankInputs()).containsExactly("task_planned");
        }
    }

    @Nested
    class Answers {
        @Test
        void checklistAddsThePointsOfItemsAnsweredYes() {
            // 1 + 0.5 of 1 / 0.5 / 0.5 / 1 (item 3 and 4: 否) → 1.5.
            IndicatorScore clarity = score(DEFAULT, "input_goal_clarity", values().text("check_input_goal_clarity_1", "是")
                    .text("check_input_goal_clarity_2", "是").text("check_input_goal_clarity_3", "否")
                    .text("check_input_goal_clarity_4", "否").build());
            assertThat(clarity.score()).contains(new BigDecimal("1.50"));
            assertThat(clarity.note()).isEqualTo("4 项中 2 项为“是”，得 1.50 分");
        }

        @Test
        void aBlankChecklistItemMakesTheChecklistMissing() {
            IndicatorScore disclosure = score(DEFAULT, "process_disclosure",
                    values().text("check_process_disclosure_1", "是").build());
            assertThat(disclosure.outcome()).isEqualTo(Outcome.MISSING_DATA);
            assertThat(disclosure.blankInputs()).containsExactly("check_process_disclosure_2");
        }

        @Test
        void judgementKeepsTheSelfScoreInsideTheDeclaredBand() {
            // weight 5: 达成 [4, 5], 部分达成 [3, 4), 未达成 [0, 3).
            assertThat(judged("达成", "4.6").score()).contains(new BigDecimal("4.60"));
            assertThat(judged("达成", "3.5").score()).contains(new BigDecimal("4.00"));
            assertThat(judged("部分达成", "5").score()).contains(new BigDecimal("3.99"));
            assertThat(judged("未达成", "4").score()).contains(new BigDecimal("2.99"));
            assertThat(judged("部分达成", "3").score()).contains(new BigDecimal("3.00"));
        }

        @Test
        void judgementWithoutLevelIsMissing() {
            IndicatorScore social = score(DEFAULT, "effect_social", values().number("self_effect_social", "5").build());
            assertThat(social.outcome()).isEqualTo(Outcome.MISSING_DATA);
            assertThat(social.blankInputs()).containsExactly("level_effect_social");
        }

        private IndicatorScore judged(String level, String self) {
            return score(DEFAULT, "effect_social",
                    values().text("level_effect_social", level).number("self_effect_social", self).build());
        }
    }

    @Nested
    class Totals {
        @Test
        void notApplicableIndicatorsAreDroppedAndTheTotalRescaled() {
            // Missing data → not applicable everywhere. Left: 在职 5/7 → 3 of 3; 公用经费 11/10 = 110 % → 10 points
            // over → 3 − 3 = 0 of 3. Total = (3 + 0) / (3 + 3) × 100 = 50.00 → 差.
            Profile allOptional = withMissing(DEFAULT, EdgePolicy.NOT_APPLICABLE);
            FieldValues v = values().number("staff_actual", "5").number("staff_authorized", "7")
                    .number("exp_public_final", "11").number("exp_public_budget", "10").build();
            ScoreSheet sheet = new Scorer(FRAMEWORK, allOptional).score(v);
            assertThat(sheet.applicableWeight()).isEqualByComparingTo("6");
            assertThat(sheet.total()).isEqualTo(new BigDecimal("50.00"));
            assertThat(sheet.grade()).isEqualTo("差");
            assertThat(sheet.indicator("output_completion").orElseThrow().outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
            assertThat(sheet.indicator("output_completion").orElseThrow().score()).isEmpty();
        }

        @Test
        void gradeBandsMeetAtTheirLowerBound() {
            assertThat(FRAMEWORK.gradeFor(new BigDecimal("90.00"))).isEqualTo("优");
            assertThat(FRAMEWORK.gradeFor(new BigDecimal("89.995"))).isEqualTo("优");
            assertThat(FRAMEWORK.gradeFor(new BigDecimal("89.99"))).isEqualTo("良");
            assertThat(FRAMEWORK.gradeFor(new BigDecimal("80"))).isEqualTo("良");
            assertThat(FRAMEWORK.gradeFor(new BigDecimal("79.99"))).isEqualTo("中");
            assertThat(FRAMEWORK.gradeFor(new BigDecimal("60"))).isEqualTo("中");
            assertThat(FRAMEWORK.gradeFor(new BigDecimal("59.99"))).isEqualTo("差");
        }

        @Test
        void aFullyFilledReturnScoresAHundred() {
            FieldValues.Builder v = values();
            FRAMEWORK.indicators().forEach(i -> {
                for (int n = 1; n <= i.items().size(); n++) {
                    v.text(i.checkName(n), "是");
                }
                v.text(i.levelName(), "达成").number(i.selfName(), "5");
            });
            v.number("staff_actual", "7").number("staff_authorized", "7")
                    .number("sangong_total_budget", "3").number("sangong_total_prior_budget", "3")
                    .number("sangong_total_final", "3").number("exp_project_final", "50")
                    .number("exp_total_final", "100").number("exp_total_adjusted", "100").number("exp_total_budget", "100")
                    .number("pay_actual_progress", "1").number("pay_planned_progress", "1").number("carry_end", "0")
                    .number("budget_addition", "0").number("budget_reduction", "0").number("budget_policy_adjust", "0")
                    .number("exp_public_final", "10").number("exp_public_budget", "10")
                    .number("procurement_final", "2").number("procurement_budget", "2")
                    .number("assets_in_use", "38").number("assets_total", "38")
                    .number("survey_valid", "100").number("survey_satisfied", "95")
                    .row("proj", new TableRow(1, Map.of("proj_final", new BigDecimal("50")), Map.of("proj_key", "是")));
            v.row("task", new TableRow(1, Map.of("task_planned", BigDecimal.ONE, "task_actual", BigDecimal.ONE,
                    "task_on_time", BigDecimal.ONE, "task_quality_ok", BigDecimal.ONE), Map.of("task_key", "是")));
            ScoreSheet sheet = new Scorer(FRAMEWORK, DEFAULT).score(v.build());
            List<String> notFull = sheet.indicators().stream()
                    .filter(i -> i.score().orElseThrow().compareTo(i.weight()) != 0).map(IndicatorScore::note).toList();
            assertThat(notFull).isEmpty();
            assertThat(sheet.total()).isEqualTo(new BigDecimal("100.00"));
            assertThat(sheet.grade()).isEqualTo("优");
        }

        private Profile withMissing(Profile profile, EdgePolicy policy) {
            List<ProfileEntry> entries = profile.entries().stream().map(e -> new ProfileEntry(e.indicator(), e.level2(),
                    e.weight(), e.rule(), e.formula(), new EdgeCases(e.edgeCases().zeroOverZero(),
                    e.edgeCases().xOverZero(), policy))).toList();
            return new Profile(profile.id(), profile.name(), profile.description(), entries);
        }
    }
}
