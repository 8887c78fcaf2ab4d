package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.junit.jupiter.api.Test;

/**
 * A number is measured only when it may show wider than its column: the bound never falls short of what shows. A
 * sheet's names (print titles, auto-filter) reach the workbook only when asked for, once all sheets are written.
 */
class SheetWriterTest {
    private final DataFormatter shown = new DataFormatter();

    @Test
    void theBoundIsNeverNarrowerThanTheNumberShown() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, -0.001, 0.004999, 0.005, 9.995, 9.994999, 99.5, -99.5, 0.99999,
                9.99999, 999999.995, 1e14 - 0.001, -1e14, 123456789.125, 0.095, 0.9995));
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            values.add((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(16) - 4));
        }
        for (String format : List.of("0", "0.00", "0.00%")) {
            for (double value : values) {
                int length = shown.formatRawCellContents(value, 0, format).length();
                assertThat(SheetWriter.widestShown(value, format)).as(format + " " + value).isGreaterThanOrEqualTo(length);
            }
        }
    }

    @Test
    void finishingASheetLeavesTheWorkbooksNamesAloneUntilTheyAreAskedFor() throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            SheetWriter out = new SheetWriter(workbook, "问题清单", ReportStyles.of(workbook, List.of("优", "良")));
            out.title("问题清单", 2);
            out.header(List.of("单位代码", "单位名称"));
            out.newRow();
            out.text(0, "0530101");
            out.filter(1, 2, 2);
            out.finish(1);
            assertThat(workbook.getXSSFWorkbook().getAllNames()).as("after finish").isEmpty();
            out.names();
            assertThat(workbook.getXSSFWorkbook().getAllNames()).extracting(org.apache.poi.ss.usermodel.Name::getNameName)
                    .containsExactly(XSSFName.BUILTIN_FILTER_DB, XSSFName.BUILTIN_PRINT_TITLE);
        }
    }

    @Test
    void anyOtherFormatIsAlwaysMeasured() {
        for (String format : List.of("General", "#,##0.00", "0.0#", "00.00", "yyyy-mm-dd", "0.00E+00")) {
            assertThat(SheetWriter.widestShown(1.5, format)).as(format).isEqualTo(Integer.MAX_VALUE);
        }
    }
}
