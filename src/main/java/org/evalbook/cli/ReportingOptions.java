package org.evalbook.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.framework.Framework;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.CheckReportJson;
import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The roster returns are put against and what a run writes besides its terminal report, as {@code check} and
 * {@code consolidate} both take them. Which returns {@code --annotate} copies is the command's own rule.
 */
final class ReportingOptions {
    @Option(names = "--roster", paramLabel = "名册")
    Path roster;

    @Option(names = "--json", paramLabel = "结果.json")
    Path json;

    @Option(names = "--annotate", paramLabel = "文件夹")
    Path annotate;

    /** The roster when one was given; a refused roster is bad input (exit 2), its notes go to the error stream. */
    Optional<Roster> readRoster(Framework framework, PrintWriter err) throws IOException {
        if (roster == null) {
            return Optional.empty();
        }
        Roster read;
        try {
            read = Roster.read(roster, framework);
        } catch (RosterException refused) {
            throw new UserInputException(refused.getMessage(), refused);
        }
        read.notes().forEach(note -> err.println("注意：" + note));
        return Optional.of(read);
    }

    /** What this run writes into (its JSON, its copy folder), so that the scan never reads it as a return. */
    List<Path> outputs() {
        List<Path> outputs = new ArrayList<>();
        Optional.ofNullable(json).ifPresent(outputs::add);
        Optional.ofNullable(annotate).ifPresent(outputs::add);
        return outputs;
    }

    /** The folder for annotated copies, when asked for. */
    Optional<Path> annotateDir() {
        return Optional.ofNullable(annotate);
    }

    /** Writes {@code --json} when it was asked for. */
    void writeJson(List<CheckedReturn> results) throws IOException {
        writeJson(results, file -> Optional.empty());
    }

    /** Writes {@code --json} when it was asked for, each file with its state in the deadline job. */
    void writeJson(List<CheckedReturn> results, java.util.function.Function<String, Optional<String>> stateOf) throws IOException {
        if (json != null) {
            // As --annotate does: a folder that is not there yet is made, not found missing after the whole run.
            Files.createDirectories(json.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(json)) {
                CheckReportJson.write(out, results, stateOf);
            }
        }
    }

    /** The copies written, one line each, and why any is missing (on the error stream). */
    static void printCopies(CommandLine commandLine, CheckRun.Summary summary) {
        summary.copies().forEach(copy -> commandLine.getOut().println("审核意见副本：" + copy));
        summary.copyFailures().forEach(commandLine.getErr()::println);
    }
}
