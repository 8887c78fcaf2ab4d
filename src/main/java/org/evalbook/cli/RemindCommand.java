package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evalbook.consolidate.Receipts;
import org.evalbook.consolidate.UnitStatus;
import org.evalbook.framework.Framework;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.mail.MailException;
import org.evalbook.mail.RemindMails;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.report.DeadlineJob;
import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook remind}: a 催报 mail to every roster unit with no accepted return in the folder. */
@Command(name = "remind", mixinStandardHelpOptions = true)
final class RemindCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @Option(names = "--roster", required = true, paramLabel = "名册")
    Path roster;

    @Option(names = "--in", required = true, paramLabel = "文件夹")
    Path in;

    @Option(names = "--deadline", paramLabel = "日期", converter = DateConverter.class)
    LocalDate deadline;

    @Option(names = "--dry-run")
    boolean dryRun;

    @Mixin
    CheckingOptions checking;

    @Mixin
    MailOptions mailOptions;

    Clock clock = Clock.systemDefaultZone();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(in)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--in 应是一个文件夹：" + in + "。");
        }
        Framework loaded = framework.load();
        Roster rows;
        try {
            rows = Roster.read(roster, loaded);
        } catch (RosterException refused) {
            err.println(refused.getMessage());
            return ExitCode.USAGE;
        }
        List<RosterRow> missing = missing(loaded, rows);
        out.println("未收到合格填报表的单位 " + missing.size() + " 家：");
        missing.forEach(unit -> out.println("  " + unit.unitCode() + " " + unit.unitName() + " <" + unit.email() + ">"));
        if (dryRun || missing.isEmpty()) {
            out.println(dryRun ? "（--dry-run：未发送任何邮件）" : "无需催报。");
            return ExitCode.OK;
        }
        try {
            boolean all = RemindMails.send(mailOptions.delivery(err, Optional.empty(), clock), missing, Optional.ofNullable(deadline),
                    LocalDate.now(clock), in, out, err);
            return all ? ExitCode.OK : ExitCode.NOT_ALL_SENT;
        } catch (MailException failed) {
            err.println(failed.getMessage());
            return ExitCode.NOT_ALL_SENT;
        }
    }

    /** The units consolidation would call 未报送: the same scan, checks and matching as {@code consolidate}. */
    private List<RosterRow> missing(Framework loaded, Roster rows) throws Exception {
        ReceivedFiles.Scan scan = ReceivedFiles.scan(List.of(in.toString()), List.of());
        CheckRun run = new CheckRun(new CheckRun.Options(framework.framework, loaded, checking.limits(spec.commandLine()),
                checking.identity(spec.commandLine(), Optional.of(rows)), Optional.empty()));
        try (DeadlineJob.Consolidated job = DeadlineJob.consolidate(run, scan, Receipts.under(List.of(in)), rows.units(), Optional.empty(), () -> { })) {
            return job.consolidation().units().stream().filter(u -> u.status() == UnitStatus.MISSING).map(u -> u.roster()).toList();
        }
    }
}
