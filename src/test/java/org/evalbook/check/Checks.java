package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.framework.Framework;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.intake.WorkbookReader;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.template.ConsistentReturn;

/** Reads and checks one file in-process (the isolation has its own tests), as the demo key's samples. */
final class Checks {
    static final Framework FRAMEWORK = ConsistentReturn.FRAMEWORK;

    private Checks() {
    }

    static CheckResult of(Path file) {
        return new ReturnChecker(FRAMEWORK).check(new WorkbookReader(FRAMEWORK).read(file), Identity.DEMO);
    }

    /** Checks {@code file} as {@code check --annotate} does (worker processes included); returns its annotated copy. */
    static Path annotated(Path file, Path dir) throws InterruptedException {
        CheckRun.Outcome outcome = new CheckRun(new CheckRun.Options(org.evalbook.framework.Frameworks.DEFAULT_ID, FRAMEWORK,
                IsolatedReader.Limits.DEFAULT, raw -> Identity.DEMO, Optional.of(org.evalbook.pipeline.CopyFolder.everyReadable(dir))))
                .runAll(ReceivedFiles.scan(List.of(file.toString()), List.of()));
        assertThat(outcome.summary().copyFailures()).isEmpty();
        assertThat(outcome.summary().copies()).hasSize(1);
        return outcome.summary().copies().get(0);
    }

    /** Checks files and folders as {@code check} does (worker processes included). */
    static List<org.evalbook.pipeline.CheckedReturn> batch(String... inputs) throws InterruptedException {
        return new CheckRun(new CheckRun.Options(org.evalbook.framework.Frameworks.DEFAULT_ID, FRAMEWORK,
                IsolatedReader.Limits.DEFAULT, raw -> Identity.DEMO, Optional.empty()))
                .runAll(ReceivedFiles.scan(List.of(inputs), List.of())).results();
    }

    static List<String> codes(CheckResult result) {
        return result.findings().stream().map(f -> f.code().name()).distinct().toList();
    }

    static String describe(CheckResult result) {
        StringBuilder text = new StringBuilder();
        for (Finding f : result.findings()) {
            text.append(f.code()).append(' ').append(f.severity()).append(' ').append(f.field()).append(' ').append(f.message()).append('\n');
        }
        return text.toString();
    }
}
