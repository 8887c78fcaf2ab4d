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
import java.util.Map;
import org.evalbook.framework.AnyFramework;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.roster.ProjectList;
import org.evalbook.template.ProjectWorkbookWriter;
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

    @Option(names = "--projects", paramLabel = "项目清单")
    Path projects;

    @Mixin
    MailOptions mailOptions;

    Clock clock = Clock.systemUTC();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AnyFramework any = framework.loadAny();
        if (any instanceof ProjectFramework project) {
            return issueProjects(project);
        }
        if (projects != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--projects 只用于项目支出绩效自评（--framework " + Frameworks.PROJECT_ID + "）。");
        }
        Framework loaded = (Framework) any;
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
        List<Path> existing = existing(units, unit -> FileNames.issued(unit.unitCode(), unit.unitName(), unit.fiscalYear()));
        boolean mailing = mail || eml != null;
        if (refusesExisting(existing, mailing, err)) {
            return ExitCode.USAGE;
        }
        SigningKey key = signingKey(err);
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
        return mailed(delivery, issued);
    }

    /** The workbooks of {@code units} already in the output folder, each named as {@code fileName} says. */
    private List<Path> existing(List<RosterRow> units, java.util.function.Function<RosterRow, String> fileName) {
        return units.stream().map(unit -> out.resolve(fileName.apply(unit))).filter(Files::exists).toList();
    }

    /**
     * The project form: one workbook per unit, one sheet per project of the project list (one blank project sheet for a
     * unit with none), written one after another (no stamping: each unit's sheets differ).
     */
    private Integer issueProjects(ProjectFramework loaded) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (loaded.profile(profile).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "未知的评价方案 " + profile + "。可选："
                    + String.join("、", loaded.profiles().keySet()));
        }
        Roster read;
        Map<String, List<FieldValues>> listed;
        try {
            read = Roster.read(roster, loaded);
            read.notes().forEach(note -> err.println("注意：" + note));
            listed = ProjectList.read(roster, Optional.ofNullable(projects), read);
        } catch (RosterException refused) {
            err.println(refused.getMessage());
            return ExitCode.USAGE;
        }
        List<Path> existing = existing(read.units(), unit -> ProjectWorkbookWriter.fileName(loaded, unit.unitCode(), unit.unitName(),
                unit.fiscalYear()));
        boolean mailing = mail || eml != null;
        if (refusesExisting(existing, mailing, err)) {
            return ExitCode.USAGE;
        }
        SigningKey key = signingKey(err);
        Optional<Delivery> delivery = mailing ? Optional.of(mailOptions.delivery(err, Optional.ofNullable(eml), clock)) : Optional.empty();
        Files.createDirectories(out);
        List<IssueMails.Issued> issued = new ArrayList<>();
        // Read for the project form, the roster's rows name no profile: every unit is scored under --profile.
        ProjectProfile unitProfile = loaded.profile(profile).orElseThrow();
        for (RosterRow unit : read.units()) {
            UnitIssue issue = new UnitIssue(unit.unitCode(), unit.unitName(), unit.fiscalYear(), unitProfile.id(),
                    Optional.of(unit.email()), Optional.ofNullable(deadline), clock.instant(), unit.prefill());
            Path target = out.resolve(ProjectWorkbookWriter.fileName(loaded, unit.unitCode(), unit.unitName(), unit.fiscalYear()));
            issued.add(new IssueMails.Issued(unit, target));
            if (existing.contains(target) && !force) {
                continue;
            }
            List<FieldValues> unitProjects = listed.getOrDefault(unit.unitCode(), List.of());
            PartialFile.write(target, stream -> ProjectWorkbookWriter.write(loaded, unitProfile, Optional.of(issue), unitProjects, key, stream));
            spec.commandLine().getOut().println("已下发：" + target + "（" + unit.unitName() + "，" + Math.max(1, unitProjects.size())
                    + " 个项目，评价方案 " + unitProfile.name() + "）");
        }
        spec.commandLine().getOut().println("共 " + read.units().size() + " 个单位。");
        return mailed(delivery, issued);
    }

    /** Whether existing files stop the run (they are kept, and mailed as they are when mailing). */
    private boolean refusesExisting(List<Path> existing, boolean mailing, PrintWriter err) {
        if (!existing.isEmpty() && !force && mailing) {
            err.println("以下填报表已存在，未覆盖，直接发送已有的文件（确需重新生成请加 --force）：");
            existing.forEach(p -> err.println("  " + p));
        } else if (!existing.isEmpty() && !force) {
            err.println("以下填报表已存在，未覆盖任何文件（确需重新下发请加 --force）：");
            existing.forEach(p -> err.println("  " + p));
            return true;
        }
        return false;
    }

    private SigningKey signingKey(PrintWriter err) throws IOException {
        SigningKey key = demoKey ? SigningKey.PUBLIC_DEMO : SigningKeys.resolve(SigningKeys.environment(System.getenv(), keyFile), Path.of(System.getProperty("user.home")), err);
        if (demoKey) {
            err.println("注意：使用公开的演示密钥签名，仅供演示和测试；正式下发请勿使用 --demo-key。");
        }
        if (deadline != null && deadline.isBefore(LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")))) {
            err.println("注意：截止日期 " + deadline + " 已经过去，填报说明中会照样显示。如有误请用 --deadline 重新指定。");
        }
        return key;
    }

    private Integer mailed(Optional<Delivery> delivery, List<IssueMails.Issued> issued) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
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
