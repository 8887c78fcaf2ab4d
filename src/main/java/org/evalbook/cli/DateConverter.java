package org.evalbook.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a date as finance staff write it — 2027-03-31, 2027/03/31, 2027.3.31 or 2027年3月31日 — with a Chinese message
 * when it is not one. Every date option takes it; {@link WithTime} also takes a time of day.
 */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    /** One separator used twice (2027-3/31 is a typo, not a date), or the 年月日 form. */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:([-/.])(\\d{1,2})\\2(\\d{1,2})|\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日)");
    private static final Pattern TIME = Pattern.compile("(?:T|\\s+)(\\d{1,2}):(\\d{2})");
    private static final String FORMS = "请写成 2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日";
    /** A deadline given as a day lasts to the end of that day. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    @Override
    public LocalDate convert(String value) {
        return read(value, false).toLocalDate();
    }

    /** A date, or a date and a time (2027-03-31T18:00, "2027-03-31 18:00"); a date alone means the end of that day. */
    static final class WithTime implements CommandLine.ITypeConverter<LocalDateTime> {
        @Override
        public LocalDateTime convert(String value) {
            return read(value, true);
        }
    }

    private static LocalDateTime read(String value, boolean timeAllowed) {
        String text = value.strip();
        Matcher date = DATE.matcher(text);
        if (!date.lookingAt()) {
            throw refused("“" + value + "”不是日期，" + FORMS + (timeAllowed ? "；带时间时写成 2027-03-31T18:00" : ""));
        }
        String rest = text.substring(date.end());
        Matcher time = TIME.matcher(rest);
        if (!rest.isEmpty() && !(timeAllowed && time.matches())) {
            throw refused(timeAllowed ? "“" + value + "”不是日期和时间，" + FORMS + "；带时间时写成 2027-03-31T18:00"
                    : "“" + value + "”：这里只写日期、不写时间，" + FORMS);
        }
        LocalDate day = day(value, date);
        if (rest.isEmpty()) {
            return day.atTime(END_OF_DAY);
        }
        try {
            return day.atTime(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
        } catch (DateTimeException noSuchTime) {
            throw refused("“" + value + "”中的时间不存在，时在 0–23、分在 0–59 之间");
        }
    }

    private static LocalDate day(String value, Matcher date) {
        boolean dashed = date.group(2) != null;
        int month = Integer.parseInt(date.group(dashed ? 3 : 5));
        int day = Integer.parseInt(date.group(dashed ? 4 : 6));
        try {
            return LocalDate.of(Integer.parseInt(date.group(1)), month, day);
        } catch (DateTimeException noSuchDay) {
            throw refused("“" + value + "”不是有效的日期（没有 " + month + " 月 " + day + " 日这一天）");
        }
    }

    private static CommandLine.TypeConversionException refused(String message) {
        return new CommandLine.TypeConversionException(message);
    }
}
