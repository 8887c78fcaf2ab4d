package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed seed returns are what the generator makes today, and carry the seeds' figures and text. */
class SampleReturnsTest {
    @ParameterizedTest
    @ValueSource(strings = {"kunming-2017", "zhuhui-2022"})
    void committedReturnIsCurrent(String name) throws Exception {
        SampleReturns.Seed seed = SampleReturns.seed(name).orElseThrow();
        if (Boolean.getBoolean("evalbook.updateGolden")) {
            SampleReturns.write(seed);
        }
        try (XSSFWorkbook fresh = SampleReturns.build(seed);
             InputStream in = Files.newInputStream(SampleReturns.file(seed));
             XSSFWorkbook committed = new XSSFWorkbook(in)) {
            assertThat(WorkbookDump.full(committed)).as(SampleReturns.file(seed) + " is stale: regenerate it (see SampleReturns)")
                    .isEqualTo(WorkbookDump.full(fresh));
        }
    }

    @org.junit.jupiter.api.Test
    void zhuhuiReturnCarriesTheSeedsFiguresAndItsContradiction() throws Exception {
        SampleReturns.Seed seed = SampleReturns.seed("zhuhui-2022").orElseThrow();
        try (InputStream in = Files.newInputStream(SampleReturns.file(seed)); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            WorkbookFiller cells = new WorkbookFiller(workbook);
            assertThat(cells.cell("exp_basic_final", 0).getNumericCellValue()).isEqualTo(78.63);
            assertThat(cells.cell("staff_authorized", 0).getNumericCellValue()).isEqualTo(7);
            assertThat(cells.cell("inc_total", 0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
            assertThat(cells.cell("report_spending", 0).getStringCellValue()).contains("决算数132.01万元");
            assertThat(cells.cell("report_experience", 0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
        }
    }
}
