package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * C17 compares an amount only when the text clearly states it for a field of the whole unit (checks.md). The table of
 * the consistent return: 本年支出合计 100 (budget and final), 基本支出 60, 项目支出 40.
 */
class NarrativeChecksTest {
    @TempDir
    static Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            本年支出合计100万元，其中基本支出60万元，项目支出40万元。                     | -
            本年支出合计120万元，其中基本支出60万元。                                     | exp_total_final 120
            全年支出合计986,000元。                                                       | exp_total_final 98.6
            本年项目支出预算数28.6万元、决算数38.6万元。                                  | exp_project_budget 28.6; exp_project_final 38.6
            全年支出合计100万元，上年决算数为85万元。                                     | -
            按年度计划，生育关怀项目支出25万元。                                          | -
            （一）基本支出\\n春节走访慰问困难家庭72户，共计3.6万元。                       | -
            （一）基本支出\\n2023年预算数为60万元，决算数132.01万元。                      | exp_basic_final 132.01
            联合东川区开展生育关怀活动，项目支出5万元；                                   | -
            """)
    void onlyClearStatementsAreCompared(String text, String expected) throws Exception {
        Path file = new Fixtures(temp).edited("c17-" + Math.abs(text.hashCode()) + ".xlsx",
                w -> w.cell("report_spending", 0).setCellValue(text.replace("\\n", "\n")));
        List<Finding> c17 = Checks.of(file).findings().stream().filter(f -> f.code() == FindingCode.C17).toList();
        List<String> got = c17.stream().map(f -> f.field().split(",")[1] + " " + f.actual()).toList();
        assertThat(String.join("; ", got)).as(text).isEqualTo(expected.equals("-") ? "" : expected);
    }
}
