package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.evalbook.framework.FrameworkException;
import org.evalbook.signing.KeyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; it only groups the subcommands. */
@Command(name = "evalbook", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, resourceBundle = "org.evalbook.cli.Messages",
        subcommands = {DemoCommand.class, TemplateCommand.class, IssueCommand.class, CheckCommand.class, ConsolidateCommand.class, CollectCommand.class, RemindCommand.class, NotifyCommand.class, FindingsCommand.class, FieldsCommand.class, ProfilesCommand.class, CommandLine.HelpCommand.class})
final class EvalbookCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line: UTF-8 writers, help in Chinese from {@code Messages.properties} (every subcommand
     * inherits the bundle), usage errors as one Chinese line, framework problems reported as usage errors.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EvalbookCommand());
        cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler(new UsageErrors());
        chineseHelpCommand(cli.getSubcommands().get("help").getCommandSpec());
        HelpLayout.apply(cli);
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof FrameworkException refused) {
                commandLine.getErr().println("框架有误，未能加载：");
                commandLine.getErr().println(refused.getMessage());
                return ExitCode.USAGE;
            }
            if (exception instanceof java.nio.file.NoSuchFileException missing) {
                commandLine.getErr().println("找不到文件或文件夹：" + missing.getFile() + "。请检查路径。");
                return ExitCode.USAGE;
            }
            if (exception instanceof java.nio.file.FileSystemException denied) {
                commandLine.getErr().println(FileProblem.describe(denied));
                return ExitCode.USAGE;
            }
            if (exception instanceof UserInputException || exception instanceof KeyException) {
                commandLine.getErr().println(exception.getMessage());
                return ExitCode.USAGE;
            }
            commandLine.getErr().println("evalbook 内部错误，请连同所运行的命令一起报告：" + exception);
            return ExitCode.INTERNAL;
        });
        return cli;
    }

    /** picocli's own help command names its parameter COMMAND in code, where the resource bundle cannot reach it. */
    private static void chineseHelpCommand(CommandLine.Model.CommandSpec help) {
        for (CommandLine.Model.PositionalParamSpec parameter : List.copyOf(help.positionalParameters())) {
            help.remove(parameter);
            help.addPositional(CommandLine.Model.PositionalParamSpec.builder(parameter).paramLabel("命令").build());
        }
    }
}
