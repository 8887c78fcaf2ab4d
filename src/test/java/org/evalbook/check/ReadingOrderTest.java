package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.finding.Figures;
import org.evalbook.signing.SigningKey;
import org.evalbook.template.TemplateWriter;
import org.junit.jupiter.api.Test;

/** Cells listed as a person turns the pages, and figures written as a finance bureau writes them. */
class ReadingOrderTest {
    private final ReadingOrder order = new ReadingOrder(Checks.FRAMEWORK);

    @Test
    void theSheetOrderIsTheIssuedWorkbooks() throws Exception {
        List<String> issued = new ArrayList<>();
        try (XSSFWorkbook workbook = TemplateWriter.workbook(Checks.FRAMEWORK, Checks.FRAMEWORK.profile("default").orElseThrow(),
                Optional.empty(), SigningKey.PUBLIC_DEMO)) {
            for (Sheet sheet : workbook) {
                issued.add(sheet.getSheetName() + "!A1");
            }
        }
        List<String> shuffled = new ArrayList<>(issued);
        java.util.Collections.reverse(shuffled);
        assertThat(order.sorted(shuffled)).isEqualTo(issued);
    }

    @Test
    void cellsGoBySheetThenRowThenColumn() {
        List<String> cells = List.of("自评报告!A5", "绩效指标表!H10", "基础数据表!D30", "绩效指标表!H9", "基础数据表!B30",
                "基础数据表!AA3", "加上的表!A1", "绩效指标表!H10");
        assertThat(order.sorted(cells)).containsExactly("基础数据表!AA3", "基础数据表!B30", "基础数据表!D30", "绩效指标表!H9",
                "绩效指标表!H10", "自评报告!A5", "加上的表!A1");
    }

    @Test
    void amountsAndScoresHaveTwoDecimalsRatesArePercentagesCountsStayWhole() {
        assertThat(Figures.amount(new BigDecimal("126"))).isEqualTo("126.00");
        assertThat(Figures.amount(new BigDecimal("3.36"))).isEqualTo("3.36");
        assertThat(Figures.amount(new BigDecimal("1E+2"))).isEqualTo("100.00");
        assertThat(Figures.amount(new BigDecimal("3.355"))).as("never rounds a difference away").isEqualTo("3.355");
        assertThat(Figures.score(new BigDecimal("4.8"))).isEqualTo("4.80");
        assertThat(Figures.percent(new BigDecimal("0.9"))).isEqualTo("90.00%");
        assertThat(Figures.percent(new BigDecimal("0.71428"))).isEqualTo("71.43%");
        assertThat(Figures.count(new BigDecimal("12.0"))).isEqualTo("12");
        assertThat(Figures.of("万元", new BigDecimal("81.2"))).isEqualTo("81.20");
        assertThat(Figures.of("人", new BigDecimal("8"))).isEqualTo("8");
        assertThat(Figures.of("分", new BigDecimal("5"))).isEqualTo("5.00");
        assertThat(Figures.of("%", new BigDecimal("0.95"))).isEqualTo("95.00%");
    }
}
