package org.evalbook.cli;

import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.evalbook.check.Identity;
import org.evalbook.check.UnitIdentity;
import org.evalbook.framework.Framework;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.Names;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.CheckReportJson;
import org.evalbook.report.CheckReportText;
import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;
import org.evalbook.signing.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evalbook check}: read returns safely, recompute everything, and report every mismatch. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check returned workbooks: recompute everything and report every problem by code and cell.",
                "Reads files or folders safely (isolated worker processes), recomputes every rate, score, total and",
                "grade, and reports each problem with its code, cell and what to do.",
                "Exit codes: 0 no errors, 1 errors found, 2 bad usage, 3 internal error."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    FrameworkOption framework;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Returned workbooks, or folders of them (read with their sub-folders).")
    List<String> inputs;

    @Option(names = "--roster", paramLabel = "ROSTER", description = "Compare each return's unit and year with the roster (xlsx, xls or CSV).")
    Path roster;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write every finding as JSON.")
    Path json;

    @Option(names = "--annotate", paramLabel = "DIR", description = "Write an annotated copy of each return (for 退回修改).")
    Path annotate;

    @Mixin
    CheckingOptions checking;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Framework loaded = framework.load();
        Map<String, RosterRow> rosterRows = new HashMap<>();
        if (roster != null) {
            try {
                Roster read = Roster.read(roster, loaded);
                read.forEach(r -> rosterRows.put(r.unitCode(), r));
                read.notes().forEach(note -> spec.commandLine().getErr().println("注意：" + note));
            } catch (RosterException refused) {
                spec.commandLine().getErr().println(refused.getMessage());
                return ExitCode.USAGE;
            }
        }
        Optional<SigningKey> key = checking.key(spec.commandLine());
        IsolatedReader.Limits limits = checking.limits(spec.commandLine());
        List<Path> outputs = new ArrayList<>();
        Optional.ofNullable(json).ifPresent(outputs::add);
        Optional.ofNullable(annotate).ifPresent(outputs::add);
        ReceivedFiles.Scan scan = ReceivedFiles.scan(inputs, outputs);
        PrintWriter err = spec.commandLine().getErr();
        scan.skipped().forEach(s -> err.println("跳过 " + s.name() + "（" + s.reason() + "）。"));
        if (scan.found().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "没有可检查的文件：" + String.join("、", inputs.stream().map(Names::escaped).toList()) + "。");
        }
        CheckRun.Outcome outcome = new CheckRun(new CheckRun.Options(framework.framework, loaded, limits, raw -> new Identity(key, checking.demoKey,
                UnitIdentity.claimedCode(raw).map(rosterRows::get), roster != null), Optional.ofNullable(annotate))).runAll(scan);
        CheckReportText.write(spec.commandLine().getOut(), outcome.results());
        if (json != null) {
            try (OutputStream out = Files.newOutputStream(json)) {
                CheckReportJson.write(out, outcome.results());
            }
        }
        outcome.summary().copies().forEach(copy -> spec.commandLine().getOut().println("审核意见副本：" + copy));
        outcome.summary().copyFailures().forEach(err::println);
        if (outcome.internalError()) {
            return ExitCode.INTERNAL;
        }
        return outcome.results().stream().anyMatch(CheckedReturn::hasErrors) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
