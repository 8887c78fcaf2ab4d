package org.evalbook.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;

/** The line for a value picocli could not convert: by the type it wanted, or our converter's own Chinese message. */
final class BadValue {
    private BadValue() {
    }

    static String line(ArgSpec arg, String value, Throwable cause) {
        String name = UsageErrors.name(arg);
        Class<?> type = arg.type();
        if (type == boolean.class || type == Boolean.class) {
            return name + " 是开关，不带取值：只写 " + name + "。";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return value.strip().matches("[-+]?\\d+") ? name + " 的值“" + value + "”超出范围。" : name + " 应写整数，“" + value + "”不是整数。";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class) {
            return name + " 应写数字，“" + value + "”不是数字。";
        }
        if (type.isEnum()) {
            return name + " 只能写 " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining("、"))
                    + " 之一，“" + value + "”不在其中。";
        }
        if (type == Path.class) {
            return name + "：“" + value + "”不是有效的文件路径。";
        }
        if (cause != null && isChinese(cause.getMessage())) {
            return name + "：" + cause.getMessage() + "。";
        }
        return name + " 的值“" + value + "”无效。";
    }

    /** Our own messages are Chinese; picocli's are English, and never shown. */
    static boolean isChinese(String message) {
        return message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
