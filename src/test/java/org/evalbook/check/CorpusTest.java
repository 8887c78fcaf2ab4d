package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.evalbook.finding.Finding;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckRun;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 766 real and hostile spreadsheets of ../shared/corpus: every one gets at least one finding, through the same
 * isolated readers as {@code evalbook check}, and none stops the batch. Skips, saying so, where ../shared is absent.
 */
class CorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "poi-spreadsheet");

    @Test
    void everyCorpusFileGetsAFindingAndTheBatchFinishes() throws Exception {
        if (!Files.isDirectory(CORPUS)) {
            System.out.println("SKIPPED: " + CORPUS + " is absent (a clone without ../shared); the corpus test did not run.");
        }
        assumeTrue(Files.isDirectory(CORPUS), "../shared/corpus is absent");
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        long start = System.nanoTime();
        CheckRun.Outcome outcome = new CheckRun(new CheckRun.Options(Frameworks.DEFAULT_ID, Checks.FRAMEWORK,
                new IsolatedReader.Limits(2, Duration.ofSeconds(60), 512), raw -> Identity.DEMO, Optional.empty()))
                .runAll(ReceivedFiles.scan(List.of(CORPUS.toString()), List.of()));
        Map<String, Integer> firstCodes = new TreeMap<>();
        for (org.evalbook.pipeline.CheckedReturn result : outcome.results()) {
            assertThat(result.findings()).as(result.file()).isNotEmpty();
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.message()).doesNotContain("\tat ", "Exception in thread"));
            Finding first = result.findings().get(0);
            firstCodes.merge(first.code().name(), 1, Integer::sum);
        }
        System.out.println("corpus: " + files.size() + " files in " + Duration.ofNanos(System.nanoTime() - start).toSeconds()
                + " s; first finding per file: " + firstCodes);
        assertThat(outcome.results().size() + outcome.summary().skipped().size()).isEqualTo(files.size());
    }
}
