package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evalbook.mail.MailException;
import org.evalbook.mail.NotifyMails;
import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook notify}: 退回修改 with the annotated copy to units whose return has errors, a 回执 to the others. */
@Command(name = "notify", mixinStandardHelpOptions = true)
final class NotifyCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @Option(names = "--results", required = true, paramLabel = "结果.json")
    Path results;

    @Option(names = "--annotated", required = true, paramLabel = "文件夹")
    Path annotated;

    @Option(names = "--roster", required = true, paramLabel = "名册")
    Path roster;

    @Option(names = "--dry-run")
    boolean dryRun;

    @Mixin
    MailOptions mailOptions;

    Clock clock = Clock.systemDefaultZone();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(results) || !Files.isDirectory(annotated)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--results 应是 consolidate --json 写出的文件，--annotated 应是审核意见副本所在的文件夹。");
        }
        Map<String, RosterRow> byCode = new HashMap<>();
        try {
            Roster.read(roster, framework.load()).forEach(r -> byCode.put(r.unitCode(), r));
        } catch (RosterException refused) {
            err.println(refused.getMessage());
            return ExitCode.USAGE;
        }
        if (dryRun) {
            for (NotifyMails.Planned planned : NotifyMails.plan(results, annotated, byCode)) {
                out.println((planned.returned() ? "退回修改：" : "回执：") + planned.unitCode() + " " + planned.unitName() + "（" + planned.file() + "）"
                        + planned.problem().map(p -> " —— " + p).orElse(""));
            }
            out.println("（--dry-run：未发送任何邮件）");
            return ExitCode.OK;
        }
        try {
            boolean all = NotifyMails.send(mailOptions.delivery(err, Optional.empty(), clock), results, annotated, byCode, out, err);
            return all ? ExitCode.OK : ExitCode.NOT_ALL_SENT;
        } catch (MailException failed) {
            err.println(failed.getMessage());
            return ExitCode.NOT_ALL_SENT;
        }
    }
}
