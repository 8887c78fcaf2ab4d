package org.evalbook.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads a date as 2026-03-31, with a Chinese message when it is not one. */
final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            throw new CommandLine.TypeConversionException("“" + value + "”不是日期，请写成 2026-03-31 的形式");
        }
    }
}
