package org.evalbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.evalbook.intake.ReceiptLog;
import org.evalbook.mail.Collector;
import org.evalbook.mail.MailException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code evalbook collect}: save every attachment not collected before from the IMAP folder, with a receipt log. */
@Command(name = "collect", mixinStandardHelpOptions = true)
final class CollectCommand implements Callable<Integer> {
    @Option(names = "--into", required = true, paramLabel = "文件夹")
    Path into;

    @Mixin
    MailSettings mailSettings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Collector.Result result;
        try {
            result = Collector.collect(mailSettings.load(err), MailSettings.passwords(), into, ZoneId.systemDefault(), out);
        } catch (MailException failed) {
            err.println(failed.getMessage());
            return ExitCode.USAGE;
        }
        result.problems().forEach(err::println);
        out.println("本次保存 " + result.saved() + " 个附件，此前已收 " + result.alreadyCollected() + " 个；收件记录：" + into.resolve(ReceiptLog.FILE_NAME));
        return result.problems().isEmpty() ? ExitCode.OK : ExitCode.NOT_ALL_SENT;
    }
}
