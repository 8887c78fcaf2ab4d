package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * The two seed returns raise at least the findings tabled at the end of seed-cases.md (code, field, severity). Extra
 * findings, and why a rule of checks.md calls for them, are listed in each test.
 */
class SeedReturnsCheckTest {
    private static final Path RETURNED = Path.of("test-workbooks", "returned");

    @Test
    void kunming2017() {
        CheckResult result = Checks.of(RETURNED.resolve("0530101_昆明市计划生育协会_2017.xlsx"));
        String all = Checks.describe(result);
        assertThat(result.profile()).contains("default");
        has(result, FindingCode.C01, Severity.WARNING, "inc_total", all);
        Finding c01 = first(result, FindingCode.C01);
        assertThat(c01.message()).contains("本年收入合计 399.77 ≠ 财政拨款收入 399.68 + 其他收入 0.08 = 399.76（差 0.01，尾差）");
        has(result, FindingCode.C04, Severity.WARNING, "exp_total_final", all);
        assertThat(first(result, FindingCode.C04).message()).contains("399.75", "399.76", "尾差");
        has(result, FindingCode.C05, Severity.ERROR, "exp_project_final", all);
        assertThat(first(result, FindingCode.C05).message()).contains("96.52", "73.18", "差 23.34");
        for (String blank : List.of("exp_personnel_final", "exp_public_final", "carry_begin", "carry_end", "exp_total_budget",
                "self_input_staff_control", "self_total")) {
            has(result, FindingCode.C11, Severity.ERROR, blank, all);
        }
        assertThat(findings(result, FindingCode.C11)).anySatisfy(f -> assertThat(f.message()).contains("自评等级填了“优”，却没有自评总分"));
        for (String indicator : List.of("process_budget_completion", "input_sangong_change", "process_sangong_control",
                "process_public_control", "process_procurement")) {
            has(result, FindingCode.C23, Severity.WARNING, indicator, all);
        }
        assertThat(codes(result)).as(all).doesNotContain(FindingCode.C02, FindingCode.C17);
        // Also raised, as checks.md requires: C11 for 联系人/联系电话/填报日期 (the seed gives none) and for
        // report_spending (the 昆明 report has no section 二 of our outline; its spending text sits in section 一);
        // C23 for the other indicators whose inputs the seed does not give (checklists, tasks' 按时完成数 …).
        assertThat(codes(result)).as(all).containsOnly(FindingCode.C01, FindingCode.C04, FindingCode.C05, FindingCode.C11, FindingCode.C23);
    }

    @Test
    void zhuhui2022() {
        CheckResult result = Checks.of(RETURNED.resolve("0430405_珠晖区计划生育协会_2022.xlsx"));
        String all = Checks.describe(result);
        assertThat(result.profile()).contains("hunan-2022");
        has(result, FindingCode.C17, Severity.ERROR, "exp_basic_final", all);
        has(result, FindingCode.C17, Severity.ERROR, "report_spending", all);
        assertThat(first(result, FindingCode.C17).message()).contains("决算数132.01万元", "132.01 ≠ 表中 78.63");
        has(result, FindingCode.C10, Severity.WARNING, "exp_basic_final", all);
        assertThat(first(result, FindingCode.C10).message()).contains("108.92%");
        for (String blank : List.of("inc_total", "inc_fiscal", "carry_begin", "carry_end", "exp_total_budget",
                "self_input_staff_control", "self_total", "self_grade")) {
            has(result, FindingCode.C11, Severity.ERROR, blank, all);
        }
        ScoreSheet scores = result.scores().orElseThrow();
        assertThat(scores.indicator("input_staff_control").orElseThrow().score()).hasValueSatisfying(s -> assertThat(s).isEqualByComparingTo("5"));
        assertThat(scores.indicator("process_sangong_control").orElseThrow().outcome()).isEqualTo(Outcome.ZERO_OVER_ZERO);
        assertThat(codes(result)).as(all).doesNotContain(FindingCode.C02, FindingCode.C03);
        assertThat(findings(result, FindingCode.C17)).as("only the one contradiction").hasSize(1);
        // Also raised: C11 for 联系人/联系电话/填报日期, for 项目支出明细 (the seed names no projects as rows) and for
        // report_conclusion (the report skips section 四); C23 for the indicators whose inputs the seed does not give.
        assertThat(codes(result)).as(all).containsOnly(FindingCode.C10, FindingCode.C11, FindingCode.C17, FindingCode.C23);
    }

    private static void has(CheckResult result, FindingCode code, Severity severity, String field, String all) {
        assertThat(result.findings()).as(code + " on " + field + "\n" + all).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.severity()).isEqualTo(severity);
            assertThat(Arrays.asList(f.field().split(","))).contains(field);
        });
    }

    private static List<FindingCode> codes(CheckResult result) {
        return result.findings().stream().map(Finding::code).distinct().toList();
    }

    private static List<Finding> findings(CheckResult result, FindingCode code) {
        return result.findings().stream().filter(f -> f.code() == code).toList();
    }

    private static Finding first(CheckResult result, FindingCode code) {
        return findings(result, code).get(0);
    }
}
