package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Dates as finance staff write them, through the converter and through the options that use it. */
class DateConverterTest {
    @ParameterizedTest
    @ValueSource(strings = {"2027-03-31", "2027/03/31", "2027.3.31", "2027年3月31日", "2027-3-31", " 2027 年 3 月 31 日 "})
    void everyFormIsTheSameDay(String written) {
        assertThat(new DateConverter().convert(written)).isEqualTo(LocalDate.of(2027, 3, 31));
        CommandLine.ParseResult issue = EvalbookCommand.commandLine()
                .parseArgs("issue", "--roster", "名册.xlsx", "--out", "下发", "--deadline", written).subcommand();
        assertThat(issue.<LocalDate>matchedOptionValue("--deadline", null)).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @ParameterizedTest
    @CsvSource({"2027-03-31, 2027-03-31T23:59:59", "2027/03/31, 2027-03-31T23:59:59", "2027.3.31, 2027-03-31T23:59:59",
            "2027年3月31日, 2027-03-31T23:59:59", "2027-03-31T18:00, 2027-03-31T18:00", "2027-03-31 18:00, 2027-03-31T18:00",
            "2027/3/31 9:30, 2027-03-31T09:30", "2027年3月31日 18:00, 2027-03-31T18:00"})
    void aDeadlineIsADayEndOrAGivenTime(String written, LocalDateTime expected) {
        assertThat(new DateConverter.WithTime().convert(written)).isEqualTo(expected);
        CommandLine.ParseResult consolidate = EvalbookCommand.commandLine().parseArgs("consolidate", "--deadline", written).subcommand();
        assertThat(consolidate.<LocalDateTime>matchedOptionValue("--deadline", null)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2027-3/31|“2027-3/31”不是日期，请写成 2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日",
            "31/03/2027|“31/03/2027”不是日期，请写成 2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日",
            "2027-02-29|“2027-02-29”不是有效的日期（没有 2 月 29 日这一天）",
            "2027-03-31T18:00|“2027-03-31T18:00”：这里只写日期、不写时间，请写成 2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日"})
    void notADayIsRefusedInChinese(String written, String message) {
        assertThatThrownBy(() -> new DateConverter().convert(written)).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2027-03-31 25:00|“2027-03-31 25:00”中的时间不存在，时在 0–23、分在 0–59 之间",
            "2027-03-31 下午|“2027-03-31 下午”不是日期和时间，请写成 2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日；带时间时写成 2027-03-31T18:00"})
    void notATimeIsRefusedInChinese(String written, String message) {
        assertThatThrownBy(() -> new DateConverter.WithTime().convert(written)).hasMessage(message);
    }
}
