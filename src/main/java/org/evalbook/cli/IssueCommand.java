package org.evalbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.mail.Delivery;
import org.evalbook.mail.IssueMails;
import org.evalbook.mail.MailException;
import org.evalbook.template.FileNames;
import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;
import org.evalbook.signing.SigningKey;
import org.evalbook.signing.SigningKeys;
import org.evalbook.template.IssueBatch;
import org.evalbook.template.UnitIssue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook issue}: one pre-filled, signed workbook per roster row. */
@Command(name = "issue", mixinStandardHelpOptions = true)
final class IssueCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @Option(names = "--roster", required = true, paramLabel = "名册")
    Path roster;

    @Option(names = "--out", required = true, paramLabel = "文件夹")
    Path out;

    @Option(names = "--profile", paramLabel = "方案")
    String profile = "default";

    @Option(names = "--deadline", paramLabel = "日期", converter = DateConverter.class)
    LocalDate deadline;

    @Option(names = "--force")
    boolean force;

    @Option(names = "--demo-key")
    boolean demoKey;

    @Option(names = "--key-file", paramLabel = "密钥文件")
    Path keyFile;

    @Option(names = "--mail")
    boolean mail;

    @Option(names = "--eml", paramLabel = "文件夹")
    Path eml;

    @Mixin
    MailOptions mailOptions;

    Clock clock = Clock.systemUTC();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Framework loaded = framework.load();
        PrintWriter err = spec.commandLine().getErr();
        if (loaded.profile(profile).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "未知的评价方案 " + profile + "。可选："
                    + String.join("、", loaded.profiles().keySet()));
        }
        List<RosterRow> units;
        try {
            Roster read = Roster.read(roster, loaded);
            read.notes().forEach(note -> err.println("注意：" + note));
            units = read.units();
        } catch (RosterException refused) {
            err.println(refused.getMessage());
            return ExitCode.USAGE;
        }
        List<Path> existing = new ArrayList<>();
        for (RosterRow unit : units) {
            Path target = out.resolve(FileNames.issued(unit.unitCode(), unit.unitName(), unit.fiscalYear()));
            if (Files.exists(target)) {
                existing.add(target);
            }
        }
        boolean mailing = mail || eml != null;
        if (!existing.isEmpty() && !force && mailing) {
            err.println("以下填报表已存在，未覆盖，直接发送已有的文件（确需重新生成请加 --force）：");
            existing.forEach(p -> err.println("  " + p));
        } else if (!existing.isEmpty() && !force) {
            err.println("以下填报表已存在，未覆盖任何文件（确需重新下发请加 --force）：");
            existing.forEach(p -> err.println("  " + p));
            return ExitCode.USAGE;
        }
        SigningKey key = demoKey ? SigningKey.PUBLIC_DEMO : SigningKeys.resolve(SigningKeys.environment(System.getenv(), keyFile), Path.of(System.getProperty("user.home")), err);
        if (demoKey) {
            err.println("注意：使用公开的演示密钥签名，仅供演示和测试；正式下发请勿使用 --demo-key。");
        }
        if (deadline != null && deadline.isBefore(LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")))) {
            err.println("注意：截止日期 " + deadline + " 已经过去，填报说明中会照样显示。如有误请用 --deadline 重新指定。");
        }
        Optional<Delivery> delivery = mailing ? Optional.of(mailOptions.delivery(err, Optional.ofNullable(eml), clock)) : Optional.empty();
        Files.createDirectories(out);
        Set<Path> kept = force ? Set.of() : Set.copyOf(existing);
        List<IssueMails.Issued> issued = new ArrayList<>();
        List<IssueBatch.Job> jobs = new ArrayList<>();
        for (RosterRow unit : units) {
            Profile unitProfile = loaded.profile(unit.profile().orElse(profile)).orElseThrow();
            UnitIssue issue = new UnitIssue(unit.unitCode(), unit.unitName(), unit.fiscalYear(), unitProfile.id(),
                    Optional.of(unit.email()), Optional.ofNullable(deadline), clock.instant(), unit.prefill());
            Path target = out.resolve(FileNames.issued(unit.unitCode(), unit.unitName(), unit.fiscalYear()));
            issued.add(new IssueMails.Issued(unit, target));
            if (!kept.contains(target)) {
                jobs.add(new IssueBatch.Job(issue, target));
            }
        }
        new IssueBatch(loaded, key).run(jobs, Runtime.getRuntime().availableProcessors(), (job, workbook) -> {
            PartialFile.write(job.target(), stream -> stream.write(workbook));
            spec.commandLine().getOut().println("已下发：" + job.target() + "（" + job.issue().unitName() + "，评价方案 "
                    + loaded.profile(job.issue().profile()).map(Profile::name).orElse(job.issue().profile()) + "）");
        });
        spec.commandLine().getOut().println("共 " + units.size() + " 个单位。");
        if (delivery.isPresent()) {
            try {
                boolean all = IssueMails.send(delivery.get(), issued, Optional.ofNullable(deadline), out, spec.commandLine().getOut(), err);
                return all ? ExitCode.OK : ExitCode.NOT_ALL_SENT;
            } catch (MailException failed) {
                err.println(failed.getMessage());
                return ExitCode.NOT_ALL_SENT;
            }
        }
        return ExitCode.OK;
    }
}
