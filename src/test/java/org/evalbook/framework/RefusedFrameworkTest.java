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

    @Test
    void mistypedCheckCode() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "  - code: C01\n", "  - code: C1\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "checks.yaml：核对 C1（inc_total）：未知的核对编号 C1。核对编号须是 docs/findings.md 中列出的 C 类编号，如 C01。");
    }

    @Test
    void checkRaisingAFileCode() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "  - code: C07\n", "  - code: F07\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "checks.yaml：核对 F07（carry_end）：未知的核对编号 F07。核对编号须是 docs/findings.md 中列出的 C 类编号，如 C01。");
    }

    @Test
    void tableColumnUsedBareInACheck() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "equals: sum(func_{period})", "equals: func_{period}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "checks.yaml：核对 C04（exp_total_{period}）：表格列 func_final 不能直接参与计算。请写成 sum(func_final)。",
                "checks.yaml：核对 C04（exp_total_{period}）：表格列 func_budget 不能直接参与计算。请写成 sum(func_budget)。"));
    }

    @Test
    void checkTotalThatIsATableColumn() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "    total: exp_project_{period}\n", "    total: proj_{period}\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "checks.yaml：核对 C05（proj_{period}）：合计字段 proj_final 是表格列。total 须是基础数据表中的单个字段，表格列的合计写在 equals 中，如 sum(proj_final)。",
                "checks.yaml：核对 C05（proj_{period}）：合计字段 proj_budget 是表格列。total 须是基础数据表中的单个字段，表格列的合计写在 equals 中，如 sum(proj_budget)。"));
    }

    @Test
    void conditionOnAnotherTablesColumn() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("indicators.yaml",
                "numerator: sum(proj_final where proj_key = 是)", "numerator: sum(proj_final where task_key = 是)");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "indicators.yaml：指标 input_key_spending 的公式 standard：条件中的 task_key 不是表 proj 的列。where 只能比较同一张表的列。");
    }

    @Test
    void fieldTheWorkbookNeedsRemoved() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("fields.yaml",
                "      - {id: fill_date, label: 填报日期, type: date, required: true}\n", "");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "fields.yaml：字段 fill_date：缺少该字段（工作底稿的填报日期用到它）。"
                        + "请按 workbook-templates/dept-overall/fields.yaml 补回该字段；字段代码是公开的约定，不能删除或改名。");
    }

    @Test
    void computedFieldMovedIntoAGroup() {
        FrameworkCopy copy = FrameworkCopy.of(temp)
                .edit("fields.yaml", "  - {id: score_total, label: 规则总分, type: number}\n", "")
                .edit("fields.yaml", "  - group: 满意度\n    fields:\n",
                        "  - group: 满意度\n    fields:\n      - {id: score_total, label: 规则总分, type: number}\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "fields.yaml：字段 score_total：应写在 computed 下。请把它移到 computed 下，与 workbook-templates/dept-overall/fields.yaml 一致。");
    }

    @Test
    void columnTheChecksReadRemoved() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("fields.yaml", "      - {id: expl_ref, label: 涉及项目, type: text}\n", "");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("checks.yaml：explanations.refers_to：expl_ref 不是表 expl 的列。请改用表 expl 的列代码：expl_text。");
    }

    @Test
    void tableRenamed() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("fields.yaml", "  - id: func\n", "  - id: funcs\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "framework.yaml：工作表 基础数据表：表 func 不在 fields.yaml 中。请改用 fields.yaml 中 tables 下的表代码：funcs、proj、task、expl。",
                "framework.yaml：工作表 基础数据表：wide_columns 中的 func_name 不是这张工作表上的表格列。请改用 tables 所列表的列代码，或删去 wide_columns。",
                "framework.yaml：表 funcs：没有工作表放置 fields.yaml 中的这张表。请在 sheets 中加 {sheet: 支出（按功能分类科目）, kind: table, table: funcs}，或在基础数据表的 tables 中列出它。",
                "checks.yaml：function_codes.table：表 func 不在 fields.yaml 中。请改用 fields.yaml 中 tables 下的表代码：funcs、proj、task、expl。"));
    }

    @Test
    void tableTheWorkbookHasNoPlaceFor() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("fields.yaml", "  - id: expl\n", "  - id: notes\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "framework.yaml：工作表 情况说明：表 expl 不在 fields.yaml 中。请改用 fields.yaml 中 tables 下的表代码：func、proj、task、notes。",
                "framework.yaml：表 notes：没有工作表放置 fields.yaml 中的这张表。请在 sheets 中加 {sheet: 情况说明, kind: table, table: notes}，或在基础数据表的 tables 中列出它。",
                "checks.yaml：explanations.table：表 expl 不在 fields.yaml 中。请改用 fields.yaml 中 tables 下的表代码：func、proj、task、notes。"));
    }

    @Test
    void checkCodeMistypedWithALetter() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "  - code: C07\n", "  - code: C0l\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("checks.yaml：核对 C0l（carry_end）：未知的核对编号 C0l。核对编号须是 docs/findings.md 中列出的 C 类编号，如 C01。");
    }

    @Test
    void tableSheetRemoved() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("framework.yaml", "  - sheet: 情况说明\n    kind: table\n    table: expl\n    note: 校验出现差额或执行率偏离等情况时，在此说明原因："
                + "“涉及项目”填写字段名称或校验编号（如 C02），“情况说明”写明原因。\n", "");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("framework.yaml：表 expl：没有工作表放置 fields.yaml 中的这张表。请在 sheets 中加 {sheet: 情况说明, kind: table, table: expl}，或在基础数据表的 tables 中列出它。");
    }

    @Test
    void fixedSheetRemoved() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("framework.yaml", "  - {sheet: 工作底稿, kind: workpaper}\n", "");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("framework.yaml：sheets：缺少工作表“工作底稿”。填报表必须有这张工作表，请补回 {sheet: 工作底稿, kind: workpaper}。");
    }

    @Test
    void fixedSheetRenamed() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("framework.yaml", "{sheet: 绩效指标表, kind: indicators}", "{sheet: 指标表, kind: indicators}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "framework.yaml：工作表 指标表：类型为 indicators 的工作表须名为“绩效指标表”。请改回 sheet: 绩效指标表；交回的填报表按这个名称查找它。",
                "framework.yaml：sheets：缺少工作表“绩效指标表”。填报表必须有这张工作表，请补回 {sheet: 绩效指标表, kind: indicators}。"));
    }

    @Test
    void sheetOfAKindEvalbookCannotWrite() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("framework.yaml", "{sheet: 工作底稿, kind: workpaper}", "{sheet: 工作底稿, kind: charts}");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "framework.yaml：工作表 工作底稿：未知的工作表类型 charts。kind 只能是 instructions、base_data、table、indicators、workpaper、report。",
                "framework.yaml：sheets：缺少工作表“工作底稿”。填报表必须有这张工作表，请补回 {sheet: 工作底稿, kind: workpaper}。"));
    }

    @Test
    void tableOnASheetTheWorkbookAlreadyHas() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("framework.yaml", "  - sheet: 项目支出明细\n", "  - sheet: 绩效指标表\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("framework.yaml：工作表 绩效指标表：工作表名“绩效指标表”已被填报表的另一张工作表使用。请另起一个工作表名。");
    }

    @Test
    void tableOnASheetExcelCannotName() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("framework.yaml", "  - sheet: 项目支出明细\n", "  - sheet: 项目/明细\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("framework.yaml：工作表 项目/明细：“项目/明细”不能用作 Excel 工作表名。工作表名最多 31 个字，不能含 [ ] : * ? / \\，不能以 ' 开头或结尾。");
    }

    @Test
    void wideColumnOfAnotherTable() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("framework.yaml", "wide_columns: [func_name]", "wide_columns: [proj_name]");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("framework.yaml：工作表 基础数据表：wide_columns 中的 proj_name 不是这张工作表上的表格列。请改用 tables 所列表的列代码，或删去 wide_columns。");
    }

    @Test
    void staffingGivenATextField() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "staffing: {actual: staff_actual,", "staffing: {actual: contact_name,");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("checks.yaml：staffing.actual：contact_name 的类型是文本，这里须是人数（integer 或 number）。请改指合适的字段，或改正它在 fields.yaml 中的 type。");
    }

    @Test
    void executionRateLineMistyped() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "lines: [exp_total, exp_basic, exp_project]", "lines: [exp_total, exp_basic, exp_projects]");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "checks.yaml：execution_rate.lines：字段 exp_projects_final 不在 fields.yaml 中。请改用 fields.yaml 中已定义的字段代码。",
                "checks.yaml：execution_rate.lines：字段 exp_projects_adjusted 不在 fields.yaml 中。请改用 fields.yaml 中已定义的字段代码。",
                "checks.yaml：execution_rate.lines：字段 exp_projects_budget 不在 fields.yaml 中。请改用 fields.yaml 中已定义的字段代码。"));
    }

    @Test
    void executionRateOverAPeriodALineLacks() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "  against: [adjusted, budget]", "  against: [prior_budget, budget]");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(String.join("\n",
                "checks.yaml：execution_rate.lines：字段 exp_total_prior_budget 不在 fields.yaml 中。请改用 fields.yaml 中已定义的字段代码。",
                "checks.yaml：execution_rate.lines：字段 exp_basic_prior_budget 不在 fields.yaml 中。请改用 fields.yaml 中已定义的字段代码。",
                "checks.yaml：execution_rate.lines：字段 exp_project_prior_budget 不在 fields.yaml 中。请改用 fields.yaml 中已定义的字段代码。"));
    }

    @Test
    void unitScaleOnAFieldThatIsNotAnAmount() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "  columns: [proj_final, func_final]", "  columns: [proj_final, task_actual]");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("checks.yaml：unit_scale.columns：task_actual 的类型是数值，这里须是金额（amount）。请改指合适的字段，或改正它在 fields.yaml 中的 type。");
    }

    @Test
    void functionCodeColumnRenamed() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("checks.yaml", "  code: func_code\n", "  code: func_codes\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("checks.yaml：function_codes.code：func_codes 不是表 func 的列。请改用表 func 的列代码：func_code、func_name、func_budget、func_final。");
    }

    @Test
    void unitFieldEveryFrameworkHasRemoved() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("fields.yaml",
                "      - {id: contact_phone, label: 联系电话, type: text, required: true, pattern: \"[0-9 +-]{5,30}\"}\n", "");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage("fields.yaml：字段 contact_phone：缺少该字段（填报表的单位信息用到它）。请按 workbook-templates/dept-overall/fields.yaml 补回该字段；字段代码是公开的约定，不能删除或改名。");
    }

    @Test
    void groupNamedLikeASection() {
        FrameworkCopy copy = FrameworkCopy.of(temp).edit("fields.yaml", "  - group: 满意度\n", "  - group: 自评\n");
        assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class).hasMessage(
                "fields.yaml：分组 自评：“自评”是 self_assessment 部分的名称，不能用作分组名。请改用其他分组名，或把这些字段写在 self_assessment 下。");
    }
}
