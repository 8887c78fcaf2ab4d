package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.junit.jupiter.api.Test;

/** A number is measured only when it may show wider than its column: the bound never falls short of what shows. */
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
    void anyOtherFormatIsAlwaysMeasured() {
        for (String format : List.of("General", "#,##0.00", "0.0#", "00.00", "yyyy-mm-dd", "0.00E+00")) {
            assertThat(SheetWriter.widestShown(1.5, format)).as(format).isEqualTo(Integer.MAX_VALUE);
        }
    }
}
