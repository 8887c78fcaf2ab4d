package org.evalbook.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error as one Chinese line saying what is wrong and a second naming the help to read — never picocli's English
 * text (it comes from code, not the resource bundle) and never the whole usage, which would bury that line. Exit 2.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    /** Option names in picocli's message for exclusive options, the one exception that carries no spec to read them from. */
    private static final Pattern OPTION = Pattern.compile("-{1,2}[A-Za-z][\\w-]*");
    /** An option typed with a Chinese input method: 破折号 or full-width minus instead of two hyphens. */
    private static final Pattern WIDE_DASH = Pattern.compile("[\u2014\u2013\u2015\uFF0D]+([A-Za-z][\\w-]*)(=.*)?");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println(line(ex, Arrays.asList(args)));
        err.println("用 " + helpFor(ex.getCommandLine()) + " 查看用法");
        err.flush();
        return ExitCode.USAGE;
    }

    /** What is wrong, in one line. */
    private static String line(ParameterException ex, List<String> args) {
        CommandLine cli = ex.getCommandLine();
        for (String arg : args) {
            Matcher wide = WIDE_DASH.matcher(arg);
            if (wide.matches()) {
                return "“" + arg + "”开头是中文破折号：选项要用两个英文减号，写成 --" + wide.group(1) + "。";
            }
        }
        if (ex instanceof MissingParameterException missing) {
            return missing(missing.getMissing(), args);
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return unmatched(cli, unmatched);
        }
        if (ex instanceof OverwrittenOptionException twice) {
            return name(twice.getOverwritten()) + " 只能写一次。";
        }
        if (ex instanceof MutuallyExclusiveArgsException) {
            return "这几个选项只能写其中一个：" + optionsIn(ex.getMessage()) + "。";
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return BadValue.line(ex.getArgSpec(), ex.getValue(), ex.getCause());
        }
        if (ex.getValue() != null && !cli.getSubcommands().isEmpty()) {
            return unknownCommand(cli, ex.getValue());
        }
        if (BadValue.isChinese(ex.getMessage())) {
            return ex.getMessage();
        }
        return "无法理解这条命令：evalbook " + String.join(" ", args) + "。";
    }

    private static String missing(List<ArgSpec> missing, List<String> args) {
        ArgSpec first = missing.get(0);
        if (first instanceof OptionSpec option && given(option, args)) {
            return option.longestName() + " 后面缺少取值（" + option.paramLabel() + "）。";
        }
        if (first.isPositional()) {
            return "缺少参数 " + first.paramLabel() + "：" + String.join("", first.description()).replaceAll("。$", "") + "。";
        }
        return "缺少必填的选项：" + missing.stream().map(arg -> name(arg) + "（" + arg.paramLabel() + "）")
                .collect(Collectors.joining("、")) + "。";
    }

    private static boolean given(OptionSpec option, List<String> args) {
        return args.stream().anyMatch(arg -> Arrays.stream(option.names()).anyMatch(n -> arg.equals(n) || arg.startsWith(n + "=")));
    }

    private static String unmatched(CommandLine cli, UnmatchedArgumentException ex) {
        if (ex.getUnmatched().isEmpty()) {
            return "命令行中有未知的选项。";
        }
        String first = ex.getUnmatched().get(0);
        if (ex.isUnknownOption()) {
            return unknownOption(cli, first.split("=", 2)[0]);
        }
        if (!cli.getSubcommands().isEmpty()) {
            return unknownCommand(cli, first);
        }
        return "多余的参数：" + String.join(" ", ex.getUnmatched()) + "（" + cli.getCommandName() + " 不接受这些参数）。";
    }

    private static String unknownOption(CommandLine cli, String option) {
        List<String> names = cli.getCommandSpec().options().stream().filter(o -> !o.hidden()).flatMap(o -> Arrays.stream(o.names())).toList();
        return "没有 " + option + " 这个选项" + Suggestion.closest(option, names).map(n -> "，是否要写 " + n + "？").orElse("。");
    }

    private static String unknownCommand(CommandLine cli, String command) {
        return "没有 " + command + " 这个命令" + Suggestion.closest(command, List.copyOf(cli.getSubcommands().keySet()))
                .map(c -> "，是否要写 " + c + "？").orElse("。");
    }

    private static String optionsIn(String message) {
        return OPTION.matcher(message).results().map(java.util.regex.MatchResult::group).distinct().collect(Collectors.joining("、"));
    }

    static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** {@code evalbook help consolidate}: the help of the command the error is in. */
    private static String helpFor(CommandLine cli) {
        String qualified = cli.getCommandSpec().qualifiedName();
        String root = cli.getCommandSpec().root().name();
        return root + " help" + qualified.substring(root.length());
    }
}
