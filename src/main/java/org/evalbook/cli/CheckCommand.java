package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.evalbook.check.Identity;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.Names;
import org.evalbook.intake.RawReturn;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.pipeline.CopyFolder;
import org.evalbook.report.CheckReportText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code evalbook check}: read returns safely, recompute everything, and report every mismatch. */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @CommandLine.Option(names = "--project-framework", paramLabel = "文件夹")
    Path projectFramework;

    @Parameters(arity = "1..*", paramLabel = "文件", descriptionKey = "files")
    List<String> inputs;

    @Mixin
    ReportingOptions reporting;

    @Mixin
    CheckingOptions checking;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Framework loaded = framework.load();
        ProjectFramework project = FrameworkOption.project(projectFramework);
        String projectArgument = projectFramework == null ? Frameworks.PROJECT_ID : projectFramework.toAbsolutePath().toString();
        PrintWriter err = spec.commandLine().getErr();
        Function<RawReturn, Identity> identity = checking.identity(spec.commandLine(), reporting.readRoster(loaded, err));
        IsolatedReader.Limits limits = checking.limits(spec.commandLine());
        ReceivedFiles.Scan scan = ReceivedFiles.scan(inputs, reporting.outputs());
        scan.skipped().forEach(s -> err.println("跳过 " + s.name() + "（" + s.reason() + "）。"));
        if (scan.found().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "没有可检查的文件：" + String.join("、", inputs.stream().map(Names::escaped).toList()) + "。");
        }
        CheckRun.Outcome outcome = new CheckRun(new CheckRun.Options(framework.framework, loaded, projectArgument, project, limits, identity,
                reporting.annotateDir().map(CopyFolder::everyReadable))).runAll(scan);
        CheckReportText.write(spec.commandLine().getOut(), outcome.results(), loaded, project);
        reporting.writeJson(outcome.results());
        ReportingOptions.printCopies(spec.commandLine(), outcome.summary());
        if (outcome.internalError()) {
            return ExitCode.INTERNAL;
        }
        return outcome.results().stream().anyMatch(CheckedReturn::hasErrors) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
