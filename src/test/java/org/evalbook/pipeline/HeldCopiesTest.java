package org.evalbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.evalbook.check.Identity;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ReceivedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies held back for {@code consolidate}: only returns with errors are copied, none is in the folder before the
 * caller says which to keep, and then exactly the kept ones are, with nothing else left behind.
 */
class HeldCopiesTest {
    private static final Path CLEAN = Path.of("test-workbooks", "clean", "0530102_五华区计划生育协会_2023.xlsx");

    @TempDir
    Path temp;

    @Test
    void onlyTheKeptReturnsWithErrorsLandInTheFolder() throws Exception {
        Path dir = temp.resolve("退回");
        List<CheckedReturn> results = new ArrayList<>();
        CheckRun.Summary held = run(dir, results);
        // 珠晖 and 昆明 have errors, 五华 none: two copies made, held in the hidden staging folder only.
        assertThat(results).hasSize(3);
        assertThat(held.copies()).isEmpty();
        assertThat(held.held()).isPresent();
        assertThat(visible(dir)).isEmpty();
        assertThat(everything(dir)).singleElement().satisfies(staging -> {
            assertThat(staging.getFileName().toString()).startsWith(".");
            assertThat(everything(staging)).hasSize(2);
        });

        CheckedReturn zhuhui = results.stream().filter(r -> r.file().contains("0430405")).findFirst().orElseThrow();
        CheckRun.Summary published = held.publish(List.of(zhuhui));
        assertThat(published.copies()).containsExactly(dir.resolve("0430405_珠晖区计划生育协会_2022_审核意见.xlsx"));
        assertThat(published.copyFailures()).isEmpty();
        assertThat(published.held()).isEmpty();
        assertThat(everything(dir)).containsExactlyElementsOf(published.copies());
        held.discardHeld();
        assertThat(everything(dir)).containsExactlyElementsOf(published.copies());
    }

    @Test
    void copiesDiscardedBeforePublishingLeaveTheFolderEmpty() throws Exception {
        Path dir = temp.resolve("退回");
        CheckRun.Summary held = run(dir, new ArrayList<>());
        held.discardHeld();
        assertThat(everything(dir)).isEmpty();
    }

    private static CheckRun.Summary run(Path dir, List<CheckedReturn> results) throws InterruptedException {
        ReceivedFiles.Scan scan = ReceivedFiles.scan(List.of(CheckRunTest.ZHUHUI.toString(), CheckRunTest.KUNMING.toString(), CLEAN.toString()),
                List.of(dir));
        return new CheckRun(new CheckRun.Options(Frameworks.DEFAULT_ID, CheckRunTest.FRAMEWORK, new IsolatedReader.Limits(2, Duration.ofSeconds(60), 512),
                raw -> Identity.DEMO, Optional.of(CopyFolder.withErrorsHeld(dir)))).run(scan, results::add);
    }

    /** Every entry of the folder, hidden ones included. */
    private static List<Path> everything(Path dir) throws Exception {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.sorted().toList();
        }
    }

    private static List<Path> visible(Path dir) throws Exception {
        return everything(dir).stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
    }
}
