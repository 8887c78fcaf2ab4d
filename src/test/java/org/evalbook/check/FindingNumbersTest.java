package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings write amounts, scores and rates as people write them, and keep the exact figures beside the text. */
class FindingNumbersTest {
    @TempDir
    static Path temp;

    private static Finding only(Path file, FindingCode code) {
        return Checks.of(file).findings().stream().filter(f -> f.code() == code).findFirst().orElseThrow();
    }

    @Test
    void aSumCheckWritesEveryAmountWithTwoDecimals() throws Exception {
        // The consistent return: 收入合计 100 = 财政拨款收入 + 其他收入 … ; 101 typed for the total.
        Finding c01 = only(new Fixtures(temp).edited("c01.xlsx", w -> w.cell("inc_total", 0).setCellValue(101)), FindingCode.C01);
        assertThat(c01.message()).contains("本年收入合计 101.00 ≠ ", " = 100.00（差 1.00）").doesNotContainPattern(" \\d+ [+≠=]");
        assertThat(c01.expected()).isEqualTo("100.00");
        assertThat(c01.actual()).isEqualTo("101.00");
        assertThat(c01.expectedValue()).isEqualByComparingTo("100");
        assertThat(c01.actualValue()).isEqualByComparingTo("101");
    }

    @Test
    void headcountsStayWholeAndScoresHaveTwoDecimals() throws Exception {
        Finding c09 = only(new Fixtures(temp).edited("c09.xlsx", w -> w.cell("staff_actual", 0).setCellValue(8)), FindingCode.C09);
        assertThat(c09.message()).contains("实际在职人数 8 人超过编制数");
        Finding c14 = only(new Fixtures(temp).edited("c14.xlsx", w -> w.cell("self_input_staff_control", 0).setCellValue(2)), FindingCode.C14);
        assertThat(c14.message()).contains("自评 2.00 分，按评分规则复核为 3.00 分");
        assertThat(c14.actualValue()).isEqualTo(new BigDecimal("2"));
    }

    @Test
    void aRateIsAPercentageWithTwoDecimals() throws Exception {
        Finding c10 = only(new Fixtures(temp).edited("c10.xlsx", w -> w.cell("exp_total_adjusted", 0).setCellValue(125)), FindingCode.C10);
        assertThat(c10.actual()).isEqualTo("80.00%");
        assertThat(c10.actualValue()).isEqualByComparingTo("0.8");
        assertThat(c10.message()).contains("= 80.00%，超出 90.00%–100.00%");
    }

    @Test
    void blankRequiredFieldsAndUncomputableIndicatorsAreOneFindingEachWithCellsInReadingOrder() throws Exception {
        Path file = new Fixtures(temp).edited("blanks.xlsx", w -> {
            w.clear("contact_name", 0);
            w.clear("contact_phone", 0);
            w.clear("survey_valid", 0);
        });
        List<Finding> findings = Checks.of(file).findings();
        assertThat(findings).filteredOn(f -> f.code() == FindingCode.C11).extracting(Finding::field)
                .containsExactly("contact_name", "contact_phone");
        assertThat(findings).filteredOn(f -> f.code() == FindingCode.C11).allSatisfy(f -> assertThat(f.cells()).hasSize(1));
        assertThat(findings).filteredOn(f -> f.code() == FindingCode.C23).extracting(Finding::field).doesNotHaveDuplicates()
                .allSatisfy(field -> assertThat(field).doesNotContain(","));
        ReadingOrder order = new ReadingOrder(Checks.FRAMEWORK);
        assertThat(findings).allSatisfy(f -> assertThat(f.cells()).isEqualTo(order.sorted(f.cells())));
        assertThat(Checks.of(file).findings()).as("the same on a second run").isEqualTo(findings);
    }
}
