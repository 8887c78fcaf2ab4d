package org.evalbook.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's heap figures, read from a unified GC log as JDK 17 writes it. */
class GcPeakTest {
    @TempDir
    Path temp;

    @Test
    void thePeakIsTheLargestOccupancyBeforeACollectionOrAtExitAndLiveTheLargestAfter() throws Exception {
        Path log = Files.writeString(temp.resolve("gc.log"), """
                [0.004s][info][gc] Using G1
                [1.201s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms
                [2.402s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 245M->31M(512M) 9.100ms
                [3.003s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 120M->44M(512M) 4.000ms
                [3.004s][info][gc] GC(3) Concurrent Mark Cycle 12.000ms
                [4.050s][info][gc,heap,exit] Heap
                [4.050s][info][gc,heap,exit]  garbage-first heap   total 524288K, used 90112K [0x0000000687400000, 0x0000000800000000)
                """);
        // Peak 245 MB before GC(1); live 44 MB after GC(2); three pauses (the concurrent cycle is not one); 88 MB at exit.
        assertThat(GcPeak.of(log)).contains(new GcPeak(245, 44, 3));
        assertThat(GcPeak.of(temp.resolve("absent.log"))).isEmpty();
    }

    @Test
    void aRunWithoutCollectionsPeaksAtItsHeapAtExit() throws Exception {
        Path log = Files.writeString(temp.resolve("gc.log"), """
                [0.004s][info][gc] Using G1
                [0.050s][info][gc,heap,exit]  garbage-first heap   total 397312K, used 5003K [0x0000000687400000, 0x0000000800000000)
                """);
        assertThat(GcPeak.of(log)).contains(new GcPeak(5, 0, 0));
    }
}
