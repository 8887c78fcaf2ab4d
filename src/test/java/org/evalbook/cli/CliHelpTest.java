package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evalbook.framework.Frameworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's help is Chinese, from the bundle: an option added without a Chinese description fails here. */
class CliHelpTest {
    /** Names a Chinese sentence about this tool cannot avoid: products, formats, and picocli's fixed COMMAND label. */
    private static final Set<String> PROPER_NAMES = Set.of("evalbook", "Excel", "JSON", "IMAP", "Markdown", "xlsx", "COMMAND");
    private static final Pattern WORD = Pattern.compile("[!-~]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static Stream<String> commands() {
        return Stream.concat(Stream.of(""), EvalbookCommand.commandLine().getSubcommands().keySet().stream());
    }

    @Test
    void everyOptionAndParameterOfEveryCommandHasAChineseDescriptionInTheBundle() {
        List<String> missing = new ArrayList<>();
        for (CommandLine command : all(EvalbookCommand.commandLine())) {
            String name = command.getCommandSpec().qualifiedName();
            if (!chinese(command.getCommandSpec().usageMessage().messages().getStringArray("usage.description", null))) {
                missing.add(name + " (description)");
            }
            for (ArgSpec arg : command.getCommandSpec().args()) {
                if (!chinese(fromBundle(arg))) {
                    missing.add(name + " " + (arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel()));
                }
            }
        }
        assertThat(missing).as("add these to src/main/resources/org/evalbook/cli/Messages.properties").isEmpty();
    }

    @Test
    void theBundleDescribesConsolidatesPreviousYearOption() {
        ResourceBundle bundle = ResourceBundle.getBundle("org.evalbook.cli.Messages");
        assertThat(bundle.getString("evalbook.consolidate.previous"))
                .isEqualTo("上年汇总表：上一年度 evalbook 生成的汇总表，用于计算上年得分和变动。");
    }

    @ParameterizedTest(name = "evalbook {0} --help")
    @MethodSource("commands")
    void helpIsChinese(String command) {
        CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("用法： evalbook", "选项：", "  -h, --help\n        显示");
        Set<String> allowed = new java.util.HashSet<>(PROPER_NAMES);
        allowed.addAll(EvalbookCommand.commandLine().getSubcommands().keySet());
        allowed.addAll(Frameworks.bundled(Frameworks.DEFAULT_ID).profiles().keySet()); // values typed as they are: --profile default
        assertThat(englishWords(run.out())).as(run.out()).allMatch(allowed::contains);
    }

    @Test
    void theEnglishWordCheckSeesEnglish() {
        assertThat(englishWords("用法： evalbook check --demo-key workbook-templates/dept-overall（xlsx、xls）Returned workbooks."))
                .containsExactly("evalbook", "check", "xlsx", "Returned", "workbooks");
    }

    @Test
    void theRootHelpListsEveryCommandWithAChineseLine() {
        CliRun run = CliRun.of("help");
        assertThat(run.out()).contains("命令：", "  check        审核交回的填报表：全部重新计算，按编号和单元格列出每个问题。",
                "  help         显示某个命令的用法。", "查看某个命令的用法：evalbook help 命令，例如 evalbook help check。");
    }

    /** ASCII words of four letters or more; option names, paths and file names (with - . / _ $ ~ =) are names, not words. */
    private static List<String> englishWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher token = WORD.matcher(text);
        while (token.find()) {
            String word = token.group().replaceAll("^[\\[(\"'<]+|[\\])\"'>.,;:]+$", "");
            if (word.matches("[A-Za-z]{4,}")) {
                words.add(word);
            }
        }
        return words;
    }

    private static String[] fromBundle(ArgSpec arg) {
        CommandLine.Model.Messages messages = arg.command().usageMessage().messages();
        List<String> keys = new ArrayList<>();
        if (!arg.descriptionKey().isEmpty()) {
            keys.add(arg.descriptionKey());
        }
        if (arg instanceof OptionSpec option) {
            for (String name : option.names()) {
                keys.add(name.replaceFirst("^-+", ""));
            }
        }
        return keys.stream().map(key -> messages.getStringArray(key, null)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean chinese(String[] lines) {
        return lines != null && HAN.matcher(String.join("", lines)).find();
    }

    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> all = new ArrayList<>(List.of(root));
        root.getSubcommands().values().forEach(sub -> all.addAll(all(sub)));
        return all;
    }
}
