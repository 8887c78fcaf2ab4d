package org.evalbook.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.evalbook.check.CheckResult;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Framework;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.RawReturn;
import org.evalbook.report.CheckReportJson;
import org.evalbook.report.CheckReportText;
import org.evalbook.template.Roster;
import org.evalbook.template.RosterException;
import org.evalbook.template.RosterRow;
import org.evalbook.template.SigningKey;
import org.evalbook.template.SigningKeys;
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

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Returned workbooks, or folders of them.")
    List<Path> inputs;

    @Option(names = "--roster", paramLabel = "ROSTER.xlsx", description = "Compare each return's unit and year with the roster.")
    Path roster;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write every finding as JSON.")
    Path json;

    @Option(names = "--annotate", paramLabel = "DIR", description = "Write an annotated copy of each return (for 退回修改).")
    Path annotate;

    @Option(names = "--demo-key", description = "Accept the public demo key (samples and tests).")
    boolean demoKey;

    @Option(names = "--key-file", paramLabel = "FILE", description = "The bureau's signing key file (default as for issue).")
    Path keyFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit for reading one file. Default: ${DEFAULT-VALUE}.")
    int timeout = 60;

    @Option(names = "--workers", paramLabel = "N", description = "Reader processes in parallel. Default: the number of cores (at most 4).")
    int workers = IsolatedReader.Limits.DEFAULT.workers();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Framework loaded = framework.load();
        List<Path> files = files();
        Map<String, RosterRow> rosterRows = new HashMap<>();
        if (roster != null) {
            try {
                Roster.read(roster, loaded).forEach(r -> rosterRows.put(r.unitCode(), r));
            } catch (RosterException refused) {
                spec.commandLine().getErr().println(refused.getMessage());
                return ExitCode.USAGE;
            }
        }
        if (keyFile != null && !Files.isRegularFile(keyFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "找不到签名密钥文件：" + keyFile + "。请检查路径（核对时不会新建密钥）。");
        }
        if (timeout < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout 至少为 1 秒。");
        }
        Optional<SigningKey> key = demoKey ? Optional.empty() : SigningKeys.existing(SigningKeys.environment(System.getenv(), keyFile), Path.of(System.getProperty("user.home")));
        IsolatedReader.Limits limits = new IsolatedReader.Limits(Math.max(1, workers), Duration.ofSeconds(timeout), 512);
        List<CheckResult> results = checkAll(framework.framework, loaded, files, limits, raw -> new Identity(key, demoKey,
                unitCode(raw).map(rosterRows::get), roster != null));
        boolean internal = results.stream().anyMatch(r -> r.findings().stream().anyMatch(f -> f.message().startsWith(INTERNAL)));
        CheckReportText.write(spec.commandLine().getOut(), results);
        if (json != null) {
            try (OutputStream out = Files.newOutputStream(json)) {
                CheckReportJson.write(out, results);
            }
        }
        if (annotate != null) {
            Annotations.write(files, results, annotate, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (internal) {
            return ExitCode.INTERNAL;
        }
        return results.stream().anyMatch(CheckResult::hasErrors) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    static final String INTERNAL = "检查此文件时 evalbook 内部出错";

    /** Reads every file in isolated workers and checks it; a bug in one file's check becomes that file's F14. */
    static List<CheckResult> checkAll(String frameworkArg, Framework framework, List<Path> files, IsolatedReader.Limits limits,
                                      java.util.function.Function<RawReturn, Identity> identity) throws InterruptedException {
        List<RawReturn> raws = new IsolatedReader(frameworkArg, limits).readAll(files);
        ReturnChecker checker = new ReturnChecker(framework);
        List<CheckResult> results = new ArrayList<>();
        for (RawReturn raw : raws) {
            try {
                results.add(checker.check(raw, identity.apply(raw)));
            } catch (RuntimeException bug) {
                results.add(new CheckResult(raw.file(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(
                        Finding.aboutFile(FindingCode.F14, raw.file(), INTERNAL + "（" + bug + "），其他文件不受影响。请把此文件和命令报告给开发者。"))));
            }
        }
        return results;
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> listing = Files.list(input)) {
                    for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                        String name = file.getFileName().toString();
                        if (name.startsWith("~$") || name.startsWith(".")) {
                            spec.commandLine().getErr().println("跳过 " + file + "（Office 临时锁文件或隐藏文件，不是交回的填报表）。");
                        } else {
                            files.add(file);
                        }
                    }
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "找不到文件：" + input);
            }
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "没有可检查的文件：" + inputs + "。");
        }
        return files;
    }

    private static Optional<String> unitCode(RawReturn raw) {
        return Optional.ofNullable(raw.meta().get("unit_code")).or(() -> Optional.ofNullable(raw.names().get("unit_code"))
                .filter(n -> !n.cells().isEmpty()).map(n -> n.cells().get(0).text().strip()));
    }

}
