package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rate rule kind of indicators.md §2, applied to ratios already rounded to 4 decimals, with the shipped
 * profiles' own rules. Expectations are worked out by hand in the last column.
 */
class RuleScorerTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);

    @ParameterizedTest(name = "{0}/{1} at {2} → {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            hunan-2022 | input_staff_control       | 1.0000 | 5.00 | exactly 100.00 %: no point over
            hunan-2022 | input_staff_control       | 0.7143 | 5.00 | 5/7 = 71.43 % is under 100 %
            hunan-2022 | input_staff_control       | 1.0700 | 1.50 | 107/100: 7.00 points over → 5 − 7 × 0.5
            hunan-2022 | input_staff_control       | 1.0001 | 4.50 | 0.01 point over is one started point → 5 − 0.5
            default    | input_staff_control       | 1.0700 | 0.00 | 3 − 7 × 0.5 < 0 → 0, never negative
            default    | input_sangong_change      | 0.0000 | 3.00 | no change is within ≤ 0 %
            default    | input_sangong_change      | -0.2000 | 3.00 | a cut is good
            default    | input_sangong_change      | 0.0250 | 2.10 | 2.5 points over → ceil = 3 → 3 − 0.9
            hunan-2022 | process_budget_completion | 1.0000 | 5.00 | exactly 100 %
            hunan-2022 | process_budget_completion | 0.9500 | 3.00 | 5 points short → 1 step of 5 → 5 − 2
            hunan-2022 | process_budget_completion | 0.9499 | 1.00 | 5.01 points short → 2 steps → 5 − 4
            hunan-2022 | process_budget_completion | 0.8999 | 0.00 | 10.01 short → 3 steps → 5 − 6 < 0 → 0
            default    | process_budget_completion | 0.9850 | 3.60 | 1.5 short → ceil 2 steps of 1 → 4 − 0.4
            default    | input_key_spending        | 0.9000 | 4.00 | exactly 90.00 % is in the ≥ 90 % band
            default    | input_key_spending        | 0.8999 | 3.20 | just under 90 % → ≥ 80 % band
            default    | input_key_spending        | 0.6000 | 1.60 | exactly 60 %
            default    | input_key_spending        | 0.5999 | 0.00 | below every band → otherwise
            default    | process_budget_adjustment | 0.0000 | 3.00 | no adjustment: the "0" band
            default    | process_budget_adjustment | 0.0001 | 2.00 | any adjustment ≤ 10 %
            default    | process_budget_adjustment | 0.1000 | 2.00 | exactly 10 %
            default    | process_budget_adjustment | 0.1001 | 1.00 | just over 10 %
            default    | process_budget_adjustment | 0.3001 | 0.00 | over 30 % → otherwise
            default    | process_carryover         | 0.0500 | 2.40 | exactly 5 %
            default    | effect_satisfaction       | 0.9000 | 5.00 | exactly 90 %
            default    | effect_satisfaction       | 0.7999 | 3.00 | under 80 % → ≥ 70 % band
            default    | output_completion         | 1.0000 | 10.00 | target met
            default    | output_completion         | 1.2500 | 10.00 | over target is capped at the weight
            default    | output_completion         | 0.8333 | 8.33 | 10 × 0.8333
            default    | output_key_tasks          | 0.6667 | 3.33 | 5 × 0.6667 = 3.3335 → 3.33
            default    | process_pay_progress      | 0.9975 | 2.00 | 2 × 0.9975 = 1.995 → 2.00 (half up)
            default    | process_pay_progress      | 0.0000 | 0.00 | nothing paid
            default    | process_pay_progress      | 0.9999 | 2.00 | 2 × 0.9999 = 1.9998 → 2.00
            """)
    void shippedRulesScoreAsWorkedOut(String profile, String indicator, BigDecimal ratio, BigDecimal expected, String why) {
        var entry = FRAMEWORK.profile(profile).orElseThrow().entry(indicator).orElseThrow();
        assertThat(RuleScorer.score(entry.rule(), entry.weight(), ratio)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} target {1}, ratio {2} → {3} of 10")
    @CsvSource(delimiter = '|', textBlock = """
            NEGATIVE | 1.00 | 1.2500 | 8.00 | over a ceiling: 10 × 1/1.25
            NEGATIVE | 1.00 | 0.8000 | 10.00 | under the ceiling: full
            NEGATIVE | 1.00 | 0.0000 | 10.00 | actual 0 → full
            EQUAL    | 1.00 | 1.1000 | 9.00 | 10 % off → 10 × 0.9
            EQUAL    | 1.00 | 0.9000 | 9.00 | 10 % off the other way
            EQUAL    | 1.00 | 2.5000 | 0.00 | more than 100 % off → 0
            POSITIVE | 0.80 | 0.6000 | 7.50 | 10 × 0.6 / 0.8
            POSITIVE | 1.00 | -0.1000 | 0.00 | a negative ratio scores nothing
            """)
    void ratioRuleInEveryDirection(Rule.Direction direction, BigDecimal target, BigDecimal ratio, BigDecimal expected,
                                   String why) {
        Rule rule = new Rule.Proportional(direction, target);
        assertThat(RuleScorer.score(rule, BigDecimal.TEN, ratio)).as(why).isEqualTo(expected);
    }
}
