package org.evalbook.framework;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong framework is refused with a message naming the file, the entry and the fix — exactly these words. */
class RefusedFrameworkTest {
    @TempDir
    Path temp;

    @Test
    void unknownFieldInAFormula() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("indicators.yaml",
                "formula: {numerator: staff_actual, denominator: staff_authorized}",
                "formula: {numerator: staff_actul, denominator: staff_authorized}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "indicators.yaml：指标 input_staff_control 的公式 standard：公式引用了未知字段 staff_actul。"
                        + "请改用 fields.yaml 中已定义的字段代码。");
    }

    @Test
    void weightsNotAddingUpToAHundred() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("profiles/default.yaml",
                "{indicator: process_pay_progress, weight: 2,", "{indicator: process_pay_progress, weight: 1.5,");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "profiles/default.yaml：方案 default：分值合计 99.5，应为 100（投入 15 · 过程 34.5 · 产出 25 · 效果 25）。"
                        + "请调整分值，使合计为 100。");
    }

    @Test
    void duplicateIndicatorId() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("indicators.yaml",
                "  - id: effect_archives\n", "  - id: effect_hr\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessageStartingWith(
                "indicators.yaml：指标 effect_hr：指标代码重复出现（第 31 项和第 32 项）。每个指标代码只能出现一次，请删除重复项或改用新代码。");
    }

    @Test
    void duplicateFieldId() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("fields.yaml",
                "{id: inc_other, label: 其他收入,", "{id: inc_fiscal, label: 其他收入,");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "fields.yaml：代码 inc_fiscal：在 fields.yaml 中重复出现。每个代码只能定义一次，请删除重复项或改用新代码。\n"
                        + "checks.yaml：核对 C01（inc_total）：引用了未知字段 inc_other。请改用 fields.yaml 中已定义的字段代码。");
    }

    @Test
    void ruleMissingAParameter() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("profiles/default.yaml",
                "{indicator: process_public_control, weight: 3, rule: {kind: step, good: at_most, threshold: 100%, penalty: 0.3, per: 1}}",
                "{indicator: process_public_control, weight: 3, rule: {kind: step, good: at_most, threshold: 100%, per: 1}}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "profiles/default.yaml：方案 default 的指标 process_public_control：规则缺少参数 penalty。"
                        + "请补上，例如 penalty: 0.5（每档扣分）。");
    }

    @Test
    void checklistPointsNotAddingUpToTheWeight() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("profiles/default.yaml",
                "rule: {kind: checklist, points: [1, 0.5, 0.5]}", "rule: {kind: checklist, points: [1, 0.5, 0.25]}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "profiles/default.yaml：方案 default 的指标 input_goal_reasonable：清单各项分数合计 1.75，与分值 2 不符。"
                        + "请调整各项分数，使其合计等于分值。");
    }

    @Test
    void profileThatDoesNotSayWhichFormula() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("profiles/hunan-2022.yaml",
                "    formula: hunan\n    rule: {kind: step", "    rule: {kind: step");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "profiles/hunan-2022.yaml：方案 hunan-2022 的指标 process_budget_completion：该指标有多种算法，方案必须指明用哪一种。"
                        + "请写 formula: mof53 或 formula: hunan。");
    }

    @Test
    void misspelledKey() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("profiles/default.yaml",
                "{indicator: process_asset_rules, weight: 1,", "{indicator: process_asset_rules, wieght: 1,");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessageStartingWith(
                "profiles/default.yaml：第 56 行：未知的键 wieght。请检查拼写；可用的键有 ");
    }

    @Test
    void percentageWrittenAsAPlainNumber() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("profiles/default.yaml",
                "{indicator: process_procurement, weight: 2, rule: {kind: ratio, direction: positive, target: 100%}}",
                "{indicator: process_procurement, weight: 2, rule: {kind: ratio, direction: positive, target: 1}}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "profiles/default.yaml：方案 default 的指标 process_procurement：target 应写成百分数，而不是 1。"
                        + "请写成带 % 的百分数，例如 0.95 写作 95%。");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        FrameworkCopy copy = FrameworkCopy.of(temp)
                .edit("profiles/default.yaml", "rule: {kind: checklist, points: [1, 0.5, 0.5]}", "rule: {kind: checklist, points: [1, 0.5]}")
                .edit("indicators.yaml", "formula: {numerator: carry_end, denominator: exp_total_adjusted}",
                        "formula: {numerator: carry_ending, denominator: exp_total_adjusted}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "indicators.yaml：指标 process_carryover 的公式 standard：公式引用了未知字段 carry_ending。请改用 fields.yaml 中已定义的字段代码。",
                "profiles/default.yaml：方案 default 的指标 input_goal_reasonable：清单有 3 项，但 points 给了 2 个分数。请为每一项给出一个分数。",
                "profiles/default.yaml：方案 default 的指标 input_goal_reasonable：清单各项分数合计 1.5，与分值 2 不符。请调整各项分数，使其合计等于分值。"));
    }
}
