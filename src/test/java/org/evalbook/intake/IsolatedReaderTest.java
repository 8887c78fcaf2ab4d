package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Frameworks;
import org.junit.jupiter.api.Test;

/**
 * The isolation really stops a runaway file: a worker that hangs is killed at the time limit, one that dies or runs
 * out of memory becomes a finding, and the batch goes on with a fresh worker each time.
 */
class IsolatedReaderTest {
    private static final Path SAMPLE = Path.of("test-workbooks", "returned", "0430405_珠晖区计划生育协会_2022.xlsx");
    private static final List<Received> FILES = List.of(Received.of(SAMPLE, "a.xlsx"), Received.of(SAMPLE, "b.xlsx"),
            Received.of(SAMPLE, "c.xlsx"));

    @Test
    void aHangingFileIsStoppedAtTheTimeLimitAndTheBatchGoesOn() throws Exception {
        long start = System.nanoTime();
        List<RawReturn> results = reader(MisbehavingWorkers.Hangs.class, Duration.ofSeconds(2), 128).readAll(FILES);
        assertThat(results).extracting(RawReturn::file).containsExactly("a.xlsx", "b.xlsx", "c.xlsx");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.findings()).extracting(f -> f.code()).containsExactly(FindingCode.F08);
            assertThat(r.findings().get(0).message()).startsWith("读取超过 2 秒仍未完成，已被终止");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aWorkerThatDiesIsAFindingNotACrash() throws Exception {
        List<RawReturn> results = reader(MisbehavingWorkers.Dies.class, Duration.ofSeconds(20), 128).readAll(FILES);
        assertThat(results).allSatisfy(r -> assertThat(r.findings()).extracting(f -> f.code()).containsExactly(FindingCode.F14));
        assertThat(results.get(0).findings().get(0).message()).contains("读取进程意外退出（代码 134）");
    }

    @Test
    void runningOutOfMemoryIsAResourceLimit() throws Exception {
        List<RawReturn> results = reader(MisbehavingWorkers.EatsMemory.class, Duration.ofSeconds(60), 64).readAll(FILES.subList(0, 1));
        assertThat(results.get(0).findings()).extracting(f -> f.code()).containsExactly(FindingCode.F08);
        assertThat(results.get(0).findings().get(0).message()).contains("内存超过 64 MB");
    }

    @Test
    void theRealWorkerReadsWhatTheInProcessReaderReads() throws Exception {
        RawReturn isolated = new IsolatedReader(Frameworks.DEFAULT_ID, IsolatedReader.Limits.DEFAULT)
                .readAll(List.of(Received.of(SAMPLE, SAMPLE.getFileName().toString()))).get(0);
        RawReturn direct = new WorkbookReader(Frameworks.bundled(Frameworks.DEFAULT_ID)).read(SAMPLE);
        assertThat(isolated).isEqualTo(direct);
    }

    @Test
    void theTimeLimitCountsTheFileNotTheWorkersStart() throws Exception {
        List<RawReturn> results = reader(MisbehavingWorkers.SlowToStart.class, Duration.ofSeconds(10), 512).readAll(FILES.subList(0, 1));
        assertThat(results.get(0).readable()).as(results.get(0).findings().toString()).isTrue();
        assertThat(results.get(0).file()).isEqualTo("a.xlsx");
    }

    @Test
    void workersAreCappedByTheCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(new IsolatedReader.Limits(cores + 5, Duration.ofSeconds(1), 64).workers()).isEqualTo(cores);
        assertThat(new IsolatedReader.Limits(0, Duration.ofSeconds(1), 64).workers()).isEqualTo(1);
    }

    private static IsolatedReader reader(Class<?> worker, Duration perFile, int heap) {
        return new IsolatedReader(Frameworks.DEFAULT_ID, new IsolatedReader.Limits(2, perFile, heap), worker.getName());
    }
}
