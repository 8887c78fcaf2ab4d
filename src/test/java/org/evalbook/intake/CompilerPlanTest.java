package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.evalbook.framework.Frameworks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler directives are accepted by the JVM they are meant for, say nothing on a worker's stdout (its channel to
 * the parent), and a worker with a long run ahead is started under them and reads exactly as before.
 */
class CompilerPlanTest {
    private static final Path SAMPLE = Path.of("test-workbooks", "returned", "0430405_珠晖区计划生育协会_2022.xlsx");

    @BeforeAll
    static void linuxProc() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/cmdline")), "跳过：没有 /proc，看不到读取进程的启动参数");
    }

    @Test
    void aJvmStartsUnderEachPlanAndKeepsItsStdoutClean(@TempDir Path folder) throws Exception {
        for (CompilerPlan plan : CompilerPlan.values()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(plan.jvmOptions(folder));
            command.add("-version");
            Process java = new ProcessBuilder(command).start();
            String stdout = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(java.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor()).as(stderr).isZero();
            assertThat(stdout).as(plan.name()).isEmpty();
            assertThat(stderr).as(plan.name()).contains("2 compiler directives added");
        }
    }

    @Test
    void theParentsPlanGoesOnHotSpotsStackOnceHoweverManyBatchesRun() throws Exception {
        assumeTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName("com.sun.management:type=DiagnosticCommand")),
                "跳过：此 JVM 没有 HotSpot 的诊断命令，编译指令无从加入");
        assertThat(CompilerPlan.BATCH_PARENT.applyHere()).isTrue();
        assertThat(CompilerPlan.BATCH_PARENT.applyHere()).isTrue();
        String listed = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "compilerDirectivesPrint", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        assertThat(listed.split("matching: sun/security/provider/\\*\\.\\*", -1)).hasSize(2);
    }

    @Test
    void aWorkerWithALongRunAheadIsCompiledByThePlanAndReadsTheSame() throws Exception {
        Set<String> workerOptions = ConcurrentHashMap.newKeySet();
        List<Received> files = List.of(Received.of(SAMPLE, "a.xlsx"), Received.of(SAMPLE, "b.xlsx"));
        List<RawReturn> read = new ArrayList<>();
        new IsolatedReader(Frameworks.DEFAULT_ID, new IsolatedReader.Limits(1, Duration.ofSeconds(60), 512), 0, Optional.empty()).readEach(files, (index, raw, sha256, worker) -> {
            // The worker is alive while its return is handled.
            workerOptions.addAll(childArguments());
            read.add(raw);
        });
        assertThat(workerOptions).anyMatch(option -> option.startsWith("-XX:CompilerDirectivesFile=")).doesNotContain("-XX:TieredStopAtLevel=1");
        RawReturn direct = new WorkbookReader(Frameworks.bundled(Frameworks.DEFAULT_ID)).read(SAMPLE);
        assertThat(read).hasSize(2).allSatisfy(raw -> assertThat(raw.named(SAMPLE.getFileName().toString())).isEqualTo(direct));
    }

    @Test
    void aWorkerWithAShortRunAheadStaysOnC1() throws Exception {
        Set<String> workerOptions = ConcurrentHashMap.newKeySet();
        new IsolatedReader(Frameworks.DEFAULT_ID, new IsolatedReader.Limits(1, Duration.ofSeconds(60), 512), 3, Optional.empty())
                .readEach(List.of(Received.of(SAMPLE, "a.xlsx")), (index, raw, sha256, worker) ->
                        workerOptions.addAll(childArguments()));
        assertThat(workerOptions).contains("-XX:TieredStopAtLevel=1").noneMatch(option -> option.startsWith("-XX:CompilerDirectivesFile="));
    }

    @Test
    void aJvmThatRefusesTheLongRunOptionsLeavesTheBatchToC1(@TempDir Path folder) throws Exception {
        List<String> refused = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + folder.resolve("gone.json"));
        Set<String> workerOptions = ConcurrentHashMap.newKeySet();
        List<RawReturn> read = new ArrayList<>();
        new IsolatedReader(Frameworks.DEFAULT_ID, new IsolatedReader.Limits(1, Duration.ofSeconds(60), 512), 0, Optional.of(refused))
                .readEach(List.of(Received.of(SAMPLE, "a.xlsx"), Received.of(SAMPLE, "b.xlsx")), (index, raw, sha256, worker) -> {
                    workerOptions.addAll(childArguments());
                    read.add(raw);
                });
        RawReturn direct = new WorkbookReader(Frameworks.bundled(Frameworks.DEFAULT_ID)).read(SAMPLE);
        assertThat(read).hasSize(2).allSatisfy(raw -> assertThat(raw.named(SAMPLE.getFileName().toString())).isEqualTo(direct));
        assertThat(workerOptions).contains("-XX:TieredStopAtLevel=1");
    }

    /** The arguments of this JVM's child processes, from /proc: ProcessHandle gives none for a command line this long. */
    private static List<String> childArguments() {
        return ProcessHandle.current().children().flatMap(child -> {
            try {
                return Arrays.stream(Files.readString(Path.of("/proc", Long.toString(child.pid()), "cmdline"), StandardCharsets.UTF_8).split("\0"));
            } catch (IOException gone) {
                return Stream.empty();
            }
        }).toList();
    }
}
