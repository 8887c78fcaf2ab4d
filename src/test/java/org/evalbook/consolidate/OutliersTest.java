package org.evalbook.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.evalbook.consolidate.Outlier.Side;
import org.junit.jupiter.api.Test;

/** The IQR rule on columns worked out by hand; quartiles as in {@link ColumnStatisticsTest}. */
class OutliersTest {

    @Test
    void valuesBeyondEitherFenceAreNamedWithTheirSide() {
        // Sorted: 12.5, 100, 102, 104, 106, 108, 110, 300 (n = 8). Q1: h = 7·0.25 + 1 = 2.75 → 100 + 0.75·2 = 101.5;
        // Q3: h = 6.25 → 108 + 0.25·2 = 108.5. IQR = 7; fences 101.5 − 10.5 = 91 and 108.5 + 10.5 = 119.
        List<UnitValue> column = column("甲", "104", "乙", "300", "丙", "100", "丁", "12.5", "戊", "108", "己", "102", "庚", "110", "辛", "106");

        assertThat(Outliers.find(column)).containsExactly(
                new Outlier("丁", new BigDecimal("12.5"), Side.LOW),
                new Outlier("乙", new BigDecimal("300"), Side.HIGH));
    }

    @Test
    void aValueOnTheFenceIsNotAnOutlierAndOneJustBeyondIs() {
        // n = 9, so Q1 = x3 and Q3 = x7 exactly (h = 3 and 7). Sorted 15, 20, 30, 30, 30, 30, 40, 50, 55: Q1 = 30,
        // Q3 = 40, IQR = 10, fences 15 and 55 — the two ends sit exactly on them.
        assertThat(Outliers.find(column("a", "15", "b", "20", "c", "30", "d", "30", "e", "30", "f", "30", "g", "40", "h", "50", "i", "55")))
                .isEmpty();
        // 14.99 and 55.01 leave x3 and x7, so the fences stay 15 and 55 and both ends are now beyond them.
        assertThat(Outliers.find(column("a", "14.99", "b", "20", "c", "30", "d", "30", "e", "30", "f", "30", "g", "40", "h", "50", "i", "55.01")))
                .containsExactly(new Outlier("a", new BigDecimal("14.99"), Side.LOW), new Outlier("i", new BigDecimal("55.01"), Side.HIGH));
    }

    @Test
    void whenMostUnitsHaveFullMarksEveryOtherUnitIsFlagged() {
        // Sorted 95, 100, 100, 100, 100, 100: Q1 (h = 2.25) = Q3 (h = 4.75) = 100, IQR 0, both fences 100.
        List<UnitValue> column = column("甲", "100", "乙", "100", "丙", "95", "丁", "100", "戊", "100", "己", "100");

        assertThat(Outliers.find(column)).containsExactly(new Outlier("丙", new BigDecimal("95"), Side.LOW));
    }

    @Test
    void fewerThanFourValuesFlagNothingHoweverFarApart() {
        // 0, 0, 1000: Q1 (h = 1.5) = 0, Q3 (h = 2.5) = 500, IQR 500, fences −750 and 1250.
        assertThat(Outliers.find(column("甲", "0", "乙", "0", "丙", "1000"))).isEmpty();
        // 0, 1000: Q1 = 250, Q3 = 750, fences −500 and 1500.
        assertThat(Outliers.find(column("甲", "0", "乙", "1000"))).isEmpty();
        assertThat(Outliers.find(column("甲", "7"))).isEmpty();
        assertThat(Outliers.find(List.of())).isEmpty();
    }

    @Test
    void theOrderIsByValueThenUnitWhateverTheInputOrder() {
        // Sorted 5, 10 ×7, 50, 50 (n = 10): Q1 (h = 3.25) = x3 = 10, Q3 (h = 7.75) = x7 + 0.75·(x8 − x7) = 10; IQR 0.
        // 5 is below, the two 50s above; the 50s are ordered by unit code.
        List<UnitValue> column = new ArrayList<>(column("0530102 乙协会", "50", "0530101 甲协会", "50", "0530103 丙协会", "5"));
        for (int n = 4; n <= 10; n++) {
            column.add(new UnitValue("05301%02d".formatted(n), new BigDecimal("10")));
        }
        List<Outlier> expected = List.of(new Outlier("0530103 丙协会", new BigDecimal("5"), Side.LOW),
                new Outlier("0530101 甲协会", new BigDecimal("50"), Side.HIGH),
                new Outlier("0530102 乙协会", new BigDecimal("50"), Side.HIGH));

        assertThat(Outliers.find(column)).isEqualTo(expected);
        Collections.reverse(column);
        assertThat(Outliers.find(column)).isEqualTo(expected);
    }

    @Test
    void theSidesReadInChinese() {
        assertThat(Side.LOW.word()).isEqualTo("偏低");
        assertThat(Side.HIGH.word()).isEqualTo("偏高");
    }

    /** Pairs of unit and value. */
    private static List<UnitValue> column(String... unitsAndValues) {
        List<UnitValue> column = new ArrayList<>();
        for (int i = 0; i < unitsAndValues.length; i += 2) {
            column.add(new UnitValue(unitsAndValues[i], new BigDecimal(unitsAndValues[i + 1])));
        }
        return column;
    }
}
