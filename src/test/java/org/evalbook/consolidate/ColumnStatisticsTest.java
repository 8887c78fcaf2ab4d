package org.evalbook.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Statistics worked out by hand with Excel's definitions. Quartiles by QUARTILE.INC: the k-th quartile sits at
 * position h = (n − 1)·k/4 + 1 of the sorted values, x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋). STDEV divides by n − 1.
 */
class ColumnStatisticsTest {
    private static final double EXACT = 1e-12;

    @Test
    void oneToTen() {
        // n = 10, mean = median = 55/10 = 5.5. Q1: h = 9·0.25 + 1 = 3.25 → 3 + 0.25·(4 − 3) = 3.25; Q3: h = 7.75 → 7.75.
        // Squared deviations from 5.5 add up to n(n² − 1)/12 = 82.5; STDEV = √(82.5/9) = √9.1666… = 3.0276503540974917.
        ColumnStatistics stats = ColumnStatistics.of("得分", values(IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).toArray(String[]::new)))
                .orElseThrow();

        assertThat(stats.label()).isEqualTo("得分");
        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.mean()).isCloseTo(5.5, within(EXACT));
        assertThat(stats.median()).isCloseTo(5.5, within(EXACT));
        assertThat(stats.q1()).isCloseTo(3.25, within(EXACT));
        assertThat(stats.q3()).isCloseTo(7.75, within(EXACT));
        assertThat(stats.standardDeviation().orElseThrow()).isCloseTo(3.0276503540974917, within(EXACT));
        assertThat(stats.min()).isEqualTo(1.0);
        assertThat(stats.max()).isEqualTo(10.0);
    }

    @Test
    void tiesAreInterpolatedLikeAnyOtherValues() {
        // Given unsorted; sorted: 80, 85, 85, 85, 90, 95 (n = 6). Q1: h = 5·0.25 + 1 = 2.25 → 85 + 0.25·(85 − 85) = 85;
        // median: h = 3.5 → 85; Q3: h = 4.75 → 85 + 0.75·(90 − 85) = 88.75. Mean 520/6 = 86.666…
        // Deviations ×6: −40, −10, −10, −10, 20, 50 → squares 4800/36 = 133.33…; /5 = 80/3; STDEV = √(80/3) = 5.163977794943222.
        ColumnStatistics stats = ColumnStatistics.of("预算执行率得分", values("85", "95", "85", "80", "90", "85")).orElseThrow();

        assertThat(stats.count()).isEqualTo(6);
        assertThat(stats.mean()).isCloseTo(520.0 / 6, within(EXACT));
        assertThat(stats.median()).isCloseTo(85, within(EXACT));
        assertThat(stats.q1()).isCloseTo(85, within(EXACT));
        assertThat(stats.q3()).isCloseTo(88.75, within(EXACT));
        assertThat(stats.standardDeviation().orElseThrow()).isCloseTo(5.163977794943222, within(EXACT));
        assertThat(stats.min()).isEqualTo(80.0);
        assertThat(stats.max()).isEqualTo(95.0);
    }

    @Test
    void oneValueIsEverythingButHasNoStandardDeviation() {
        // n = 1: every position is 1, so every quartile is the value; STDEV would divide by n − 1 = 0 (#DIV/0! in Excel).
        ColumnStatistics stats = ColumnStatistics.of("本年支出合计（万元）", values("72.5")).orElseThrow();

        assertThat(stats.count()).isEqualTo(1);
        assertThat(List.of(stats.mean(), stats.median(), stats.q1(), stats.q3(), stats.min(), stats.max())).containsOnly(72.5);
        assertThat(stats.standardDeviation()).isEmpty();
    }

    @Test
    void twoValuesHaveQuartilesAQuarterInFromEachEnd() {
        // 60, 80: mean = median = 70; Q1: h = 1.25 → 60 + 0.25·20 = 65; Q3: h = 1.75 → 75.
        // Deviations −10, 10 → 200 / (2 − 1) = 200; STDEV = √200 = 14.142135623730951.
        ColumnStatistics stats = ColumnStatistics.of("得分", values("80", "60")).orElseThrow();

        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.mean()).isCloseTo(70, within(EXACT));
        assertThat(stats.median()).isCloseTo(70, within(EXACT));
        assertThat(stats.q1()).isCloseTo(65, within(EXACT));
        assertThat(stats.q3()).isCloseTo(75, within(EXACT));
        assertThat(stats.standardDeviation().orElseThrow()).isCloseTo(14.142135623730951, within(EXACT));
        assertThat(stats.min()).isEqualTo(60.0);
        assertThat(stats.max()).isEqualTo(80.0);
    }

    @Test
    void noValueHasNoStatistics() {
        assertThat(ColumnStatistics.of("得分", List.of())).isEmpty();
    }

    @Test
    void aZeroIsAValueLikeAnyOther() {
        // 0 and 10 are two values (a blank would have been left out): mean 5, not 10.
        ColumnStatistics stats = ColumnStatistics.of("得分", values("0", "10")).orElseThrow();

        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.mean()).isCloseTo(5, within(EXACT));
        assertThat(stats.min()).isEqualTo(0.0);
    }

    @Test
    void aBlankPassedAsNullIsRefused() {
        List<BigDecimal> withBlank = new java.util.ArrayList<>(values("1", "2"));
        withBlank.add(null);

        assertThatThrownBy(() -> ColumnStatistics.of("得分", withBlank)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("blank");
    }

    @Test
    void aStandardDeviationGoesWithTwoValuesOrMore() {
        assertThatThrownBy(() -> new ColumnStatistics("得分", 1, 5, 5, OptionalDouble.of(0), 5, 5, 5, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColumnStatistics("得分", 2, 5, 5, OptionalDouble.empty(), 5, 5, 5, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColumnStatistics("得分", 0, 0, 0, OptionalDouble.empty(), 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<BigDecimal> values(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
