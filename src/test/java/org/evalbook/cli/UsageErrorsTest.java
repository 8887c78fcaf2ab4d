package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** A usage error is one Chinese line saying what is wrong and one naming the help to read; exit 2, nothing else. */
class UsageErrorsTest {
    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a missing parameter", new String[] {"check"},
                        "缺少参数 文件：交回的填报表，或其所在的文件夹（连同子文件夹一起读取）。", "check"),
                Arguments.of("a missing required option", new String[] {"issue", "--roster", "名册.xlsx"}, "缺少必填的选项：--out（文件夹）。", "issue"),
                Arguments.of("missing required options", new String[] {"notify"},
                        "缺少必填的选项：--results（结果.json）、--annotated（文件夹）、--roster（名册）。", "notify"),
                Arguments.of("an option without its value", new String[] {"issue", "--roster", "名册.xlsx", "--out"},
                        "--out 后面缺少取值（文件夹）。", "issue"),
                Arguments.of("an option followed by another", new String[] {"issue", "--out", "--roster", "名册.xlsx"},
                        "--out 后面缺少取值（文件夹）。", "issue"),
                Arguments.of("an unknown option", new String[] {"fields", "--fromat", "csv"}, "没有 --fromat 这个选项，是否要写 --format？", "fields"),
                Arguments.of("an unknown option, nothing near it", new String[] {"fields", "--verbose"}, "没有 --verbose 这个选项。", "fields"),
                Arguments.of("a misspelt option", new String[] {"check", "--wrkers", "3", "收回"}, "没有 --wrkers 这个选项，是否要写 --workers？", "check"),
                Arguments.of("a bad number", new String[] {"check", "--workers", "abc", "收回"}, "--workers 应写整数，“abc”不是整数。", "check"),
                Arguments.of("a bad date", new String[] {"issue", "--roster", "r.xlsx", "--out", "o", "--deadline", "2027-02-30"},
                        "--deadline：“2027-02-30”不是有效的日期（没有 2 月 30 日这一天）。", "issue"),
                Arguments.of("not a date", new String[] {"consolidate", "--deadline", "3月31日"},
                        "--deadline：“3月31日”不是日期，请写成 2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日；带时间时写成 2027-03-31T18:00。",
                        "consolidate"),
                Arguments.of("a time where only a date is taken", new String[] {"remind", "--deadline", "2027-03-31 18:00"},
                        "--deadline：“2027-03-31 18:00”：这里只写日期、不写时间，请写成 2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日。",
                        "remind"),
                Arguments.of("a misspelt command", new String[] {"consolidte"}, "没有 consolidte 这个命令，是否要写 consolidate？", ""),
                Arguments.of("an unknown command", new String[] {"xyzzy"}, "没有 xyzzy 这个命令。", ""),
                Arguments.of("help for a misspelt command", new String[] {"help", "chek"}, "没有 chek 这个命令，是否要写 check？", ""),
                Arguments.of("a choice not offered", new String[] {"fields", "--format", "xlsx"}, "--format 只能写 md、csv 之一，“xlsx”不在其中。", "fields"),
                Arguments.of("an option given twice", new String[] {"fields", "--format", "md", "--format", "csv"}, "--format 只能写一次。", "fields"),
                Arguments.of("a value for a switch", new String[] {"check", "--demo-key=yes", "收回"},
                        "--demo-key 是开关，不带取值：只写 --demo-key。", "check"),
                Arguments.of("a parameter the command does not take", new String[] {"fields", "abc"},
                        "多余的参数：abc（fields 不接受这些参数）。", "fields"),
                Arguments.of("an option typed with a Chinese dash", new String[] {"issue", "\u2014roster", "名册.xlsx", "--out", "o"},
                        "“\u2014roster”开头是中文破折号：选项要用两个英文减号，写成 --roster。", "issue"),
                Arguments.of("an integer out of range", new String[] {"check", "--timeout", "99999999999", "收回"},
                        "--timeout 的值“99999999999”超出范围。", "check"),
                Arguments.of("no workers", new String[] {"check", "--demo-key", "--workers", "0", "收回"}, "--workers 至少为 1。", "check"),
                Arguments.of("a command's own refusal", new String[] {"check", "--demo-key", "--timeout", "0", "收回"}, "--timeout 至少为 1 秒。", "check"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void oneChineseLineThenTheHelpToRead(String what, String[] args, String line, String command) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(line, "用 evalbook help" + (command.isEmpty() ? "" : " " + command) + " 查看用法");
    }

    @Test
    void mutuallyExclusiveOptionsAreNamed() {
        CommandSpec spec = CommandSpec.create().name("evalbook");
        spec.addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("0..1")
                .addArg(OptionSpec.builder("--mail").build()).addArg(OptionSpec.builder("--eml").paramLabel("文件夹").type(String.class).build())
                .build());
        CommandLine cli = new CommandLine(spec);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(new UsageErrors());
        assertThat(cli.execute("--mail", "--eml", "邮件")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("这几个选项只能写其中一个：--mail、--eml。", "用 evalbook help 查看用法");
    }

    @Test
    void suggestionsAreTheNearestNameOnly() {
        assertThat(Suggestion.distance("consolidte", "consolidate")).isEqualTo(1);
        assertThat(Suggestion.distance("--fromat", "--format")).isEqualTo(1);
        assertThat(Suggestion.closest("chekc", java.util.List.of("check", "collect", "template"))).contains("check");
        assertThat(Suggestion.closest("report", java.util.List.of("check", "collect", "template"))).isEmpty();
    }
}
