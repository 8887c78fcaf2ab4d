package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

    @ParameterizedTest
    @CsvSource({"1, 一", "4, 四", "10, 十", "11, 十一", "12, 十二", "20, 二十", "21, 二十一", "99, 九十九"})
    void numbersParagraphsAsChineseDocumentsDo(int number, String expected) {
        assertThat(ChineseNumerals.of(number)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void refusesWhatNoSummaryNumbers(int number) {
        assertThatThrownBy(() -> ChineseNumerals.of(number)).isInstanceOf(IllegalArgumentException.class);
    }
}
