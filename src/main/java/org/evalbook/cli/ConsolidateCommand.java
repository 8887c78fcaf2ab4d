package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.evalbook.check.Identity;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.Receipts;
import org.evalbook.framework.Framework;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.RawReturn;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.pipeline.CopyFolder;
import org.evalbook.report.DeadlineJob;
import org.evalbook.report.PreviousScores;
import org.evalbook.report.PreviousYearException;
import org.evalbook.roster.Roster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook consolidate}: the deadline job — every return checked and put against the roster in one workbook. */
@Command(name = "consolidate", mixinStandardHelpOptions = true)
final class ConsolidateCommand implements Callable<Integer> {
    private static final String NEEDS = """
            汇总需要三样东西：名册、收回的文件夹、汇总表的保存位置。例如：
              ./evalbook consolidate --roster 名册.xlsx --in 收回 --out 汇总.xlsx --deadline 2027-03-31
            --roster   财政局的单位名册（xlsx、xls 或 CSV），与下发时用的相同
            --in       单位交回的文件所在的文件夹（含子文件夹；可写多个 --in）
            --out      汇总表（.xlsx）的保存位置
            可选：--deadline 截止日期（2027-03-31、2027/03/31、2027.3.31 或 2027年3月31日，也可带时间，如 2027-03-31T18:00），
                  --previous 上年的汇总表（列出上年得分和变动），--annotate 退回修改副本的文件夹，--json 结果文件。
            用 evalbook help consolidate 查看用法""";

    @Mixin
    FrameworkOption framework;

    @Option(names = "--in", paramLabel = "文件夹")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "汇总表.xlsx")
    Path out;

    @Option(names = "--deadline", paramLabel = "日期[时间]", converter = DateConverter.WithTime.class)
    LocalDateTime deadline;

    @Option(names = "--previous", paramLabel = "上年汇总表.xlsx")
    Path previous;

    @Option(names = "--bureau", paramLabel = "名称")
    String bureau = "财政局";

    @Mixin
    ReportingOptions reporting;

    @Mixin
    CheckingOptions checking;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<String> missing = new ArrayList<>();
        if (reporting.roster == null) {
            missing.add("--roster（名册）");
        }
        if (inputs.isEmpty()) {
            missing.add("--in（收回的文件夹）");
        }
        if (out == null) {
            missing.add("--out（汇总表.xlsx）");
        }
        if (!missing.isEmpty()) {
            err.println("缺少 " + String.join("、", missing) + "。");
            err.println(NEEDS);
            return ExitCode.USAGE;
        }
        if (bureau.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bureau 不能为空：写财政局的名称，或不写此选项（默认“财政局”）。");
        }
        if (Files.isDirectory(out) || !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out 应是汇总表的文件名，以 .xlsx 结尾：“" + out + "”"
                    + (Files.isDirectory(out) ? "是一个文件夹。" : "不是。"));
        }
        for (String input : inputs) {
            if (!Files.isDirectory(Path.of(input))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--in 应是一个文件夹：" + input + "。");
            }
        }
        Optional<LocalDateTime> due = Optional.ofNullable(deadline);
        Framework loaded = framework.load();
        Roster rows = reporting.readRoster(loaded, err).orElseThrow();
        Function<RawReturn, Identity> identity = checking.identity(spec.commandLine(), Optional.of(rows));
        Optional<PreviousScores> lastYear;
        try {
            lastYear = previous == null ? Optional.empty() : Optional.of(PreviousScores.read(previous));
        } catch (PreviousYearException refused) {
            err.println(refused.getMessage());
            return ExitCode.USAGE;
        }
        IsolatedReader.Limits limits = checking.limits(spec.commandLine());
        List<Path> outputs = new ArrayList<>(List.of(out));
        outputs.addAll(reporting.outputs());
        ReceivedFiles.Scan scan = ReceivedFiles.scan(inputs, outputs);
        CheckRun run = new CheckRun(new CheckRun.Options(framework.framework, loaded, limits, identity,
                reporting.annotateDir().map(CopyFolder::withErrorsHeld)));
        DeadlineJob.Result result;
        List<Path> folders = inputs.stream().map(Path::of).toList();
        try (ProgressBar progress = progress(scan.found().size());
             DeadlineJob.Consolidated job = DeadlineJob.consolidate(run, scan, Receipts.under(folders), rows.units(), due, progress::step)) {
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                result = job.write(out, loaded, bureau, lastYear);
            } catch (java.io.IOException unwritable) {
                err.println("未能写入汇总表 " + out + "。请检查文件夹是否存在、是否有写入权限，以及该文件是否正在 Excel 或 WPS 中打开。");
                return ExitCode.USAGE;
            }
            java.util.Map<String, String> states = new java.util.HashMap<>();
            result.consolidation().files().forEach(f -> states.put(f.name(), f.state().label()));
            reporting.writeJson(job.returns(), file -> Optional.ofNullable(states.get(file)));
        }
        report(spec.commandLine().getOut(), result.consolidation(), result.summary());
        return ExitCode.OK;
    }

    private void report(PrintWriter out, Consolidation consolidation, CheckRun.Summary summary) {
        DeadlineJob.lines(consolidation).forEach(out::println);
        ReportingOptions.printCopies(spec.commandLine(), summary);
        out.println("汇总表：" + this.out);
        out.flush();
    }

    /** A bar on a terminal; plain progress lines otherwise (a log, a pipe, a test). */
    private ProgressBar progress(int total) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("审核").setInitialMax(total).setUnit(" 个文件", 1)
                .setStyle(ProgressBarStyle.ASCII);
        if (System.console() == null) {
            PrintWriter err = spec.commandLine().getErr();
            builder.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(line -> {
                err.println(line.strip());
                err.flush();
            })).setUpdateIntervalMillis(5000);
        }
        return builder.build();
    }
}
