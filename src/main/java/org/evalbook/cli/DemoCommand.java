package org.evalbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.evalbook.check.Identity;
import org.evalbook.check.ScoreSheet;
import org.evalbook.check.Scorer;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.intake.FiguresFile;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.intake.UnitFigures;
import org.evalbook.report.CheckReportText;
import org.evalbook.report.DeadlineJob;
import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterException;
import org.evalbook.report.ScoreSheetText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evalbook demo}: the main job on the bundled samples — scoring the two seed units' figures, checking the sample
 * returns of both forms, then the deadline job on an inbox made from them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @Option(names = "--samples", paramLabel = "文件夹")
    Path samples;

    @Option(names = "--out", paramLabel = "文件夹")
    Path demoOut = Path.of("evalbook-demo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = (samples != null ? samples : defaultSamples()).resolve("seed-figures");
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("找不到样例文件夹 " + dir + "。请在 evalbook 目录下运行，或用 --samples 指定 test-workbooks 文件夹。");
            return ExitCode.USAGE;
        }
        Framework loaded = framework.load();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            UnitFigures figures;
            try (InputStream in = Files.newInputStream(file)) {
                figures = FiguresFile.read(file.getFileName().toString(), in, loaded);
            } catch (IllegalArgumentException | IOException wrong) {
                throw new UserInputException(file + "：样例数据有误：" + wrong.getMessage(), wrong);
            }
            Profile profile = loaded.profile(figures.profile()).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), file + "：未知的评价方案 " + figures.profile()));
            ScoreSheet sheet = new Scorer(loaded, profile).score(figures.values());
            ScoreSheetText.write(out, figures.unit(), profile, sheet);
            out.println();
        }
        Path returned = dir.resolveSibling("returned");
        if (Files.isDirectory(returned)) {
            out.println("══ 检查样例填报表（" + returned + "，演示密钥）══");
            List<String> inputs = new java.util.ArrayList<>(List.of(returned.toString()));
            DemoInbox.PROJECT_SAMPLES.stream().map(dir.resolveSibling("project")::resolve).filter(Files::isRegularFile)
                    .forEach(p -> inputs.add(p.toString()));
            CheckRun.Outcome outcome = new CheckRun(new CheckRun.Options(framework.framework, loaded, IsolatedReader.Limits.DEFAULT,
                    raw -> Identity.DEMO, Optional.empty())).runAll(ReceivedFiles.scan(inputs, List.of()));
            CheckReportText.write(out, outcome.results(), loaded);
            deadlineJob(out, loaded, dir.getParent());
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The main job at the deadline, on the demo inbox: consolidate it against the sample roster. */
    private void deadlineJob(PrintWriter out, Framework loaded, Path samples) throws IOException, InterruptedException {
        Path roster = samples.resolve("roster.xlsx");
        if (!Files.isRegularFile(roster) || !Files.isDirectory(samples.resolve("clean"))) {
            return;
        }
        Path inbox = DemoInbox.fill(demoOut.resolve("收回"), samples);
        Path workbook = demoOut.resolve("汇总.xlsx");
        out.println("══ 截止日汇总（收件文件夹 " + inbox + "，截止 2027-03-31）══");
        Roster rows;
        try {
            rows = Roster.read(roster, loaded);
        } catch (RosterException refused) {
            throw new UserInputException(refused.getMessage(), refused);
        }
        CheckRun run = new CheckRun(new CheckRun.Options(framework.framework, loaded, IsolatedReader.Limits.DEFAULT, raw -> Identity.DEMO,
                Optional.empty()));
        DeadlineJob.Result result = DeadlineJob.run(run, ReceivedFiles.scan(List.of(inbox.toString()), List.of()), rows.units(),
                Optional.of(DemoInbox.DEADLINE), loaded, "演示财政局", workbook, () -> { });
        DeadlineJob.lines(result.consolidation()).forEach(out::println);
        out.println("汇总表：" + workbook.toAbsolutePath());
    }

    private static Path defaultSamples() {
        String home = System.getProperty("evalbook.home");
        return home != null ? Path.of(home, "test-workbooks") : Path.of("test-workbooks");
    }
}
