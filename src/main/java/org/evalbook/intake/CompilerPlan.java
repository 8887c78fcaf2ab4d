package org.evalbook.intake;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Which methods HotSpot's optimising compiler (C2) may take during a batch, as compiler directives (JEP 165). A batch
 * of thousands of returns runs for about a minute, too short for C2 to pay back on code that runs once per return:
 * profiled at 10,000 returns on 2 cores, the parent spent 20 CPU-seconds in C2 compiling the checks and the sheet
 * writing, more than it gained, and each worker 8 seconds compiling its per-file code. C2 is kept where the time goes
 * per character or per byte: the XML parser and the JDK under it in the workers, SHA-256 (an intrinsic only C2 has)
 * in the parent. Everything else runs as C1 compiled it, which is what the workers did before they had directives.
 */
public enum CompilerPlan {
    /** The parent of every run of the checking pipeline: {@code check}, {@code consolidate}, {@code demo}, {@code remind}. */
    BATCH_PARENT("[ { match: \"sun.security.provider.*::*\", c2: { Exclude: false } }, { match: \"*.*\", c2: { Exclude: true } } ]"),
    /** A reader worker: C2 for Woodstox and the JDK, C1 for the rest. */
    READER_WORKER("[ { match: [\"com.ctc.wstx.*::*\", \"org.evalbook.intake.StreamedWorkbook$*::*\", \"java.*::*\", \"jdk.*::*\", \"sun.*::*\"], c2: { Exclude: false } },"
            + " { match: \"*.*\", c2: { Exclude: true } } ]");

    /**
     * How many files a worker must have ahead of it for C2 to pay back: at 10,000 returns (5,000 a worker) it saved a
     * worker about 2.3 ms a file for 3.7 s of compiling, even at about 1,600 files. A worker with fewer, or one started
     * again after a hostile file near the end, runs on C1 alone, which starts fastest.
     */
    static final int LONG_RUN_FILES = 2_000;
    /** The options of a worker with a short run ahead. */
    static final List<String> SHORT_RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private static final Pattern ADDED = Pattern.compile("\\d+ compiler directives added\\s*");

    private final String directives;
    /** Whether the directives went in; null until they have been tried. */
    private Boolean added;

    CompilerPlan(String directives) {
        this.directives = directives;
    }

    /**
     * Puts this plan in force in the running JVM, once: HotSpot keeps a bounded stack of directives, however many
     * batches run. False when the JVM has no compiler control (not HotSpot) or refused the directives: the batch then
     * runs as before, only slower, so nothing is reported to the user.
     */
    public synchronized boolean applyHere() {
        if (added == null) {
            added = add();
        }
        return added;
    }

    private boolean add() {
        Path file = null;
        try {
            file = Files.createTempFile("evalbook-compiler-", ".json");
            Files.writeString(file, directives, StandardCharsets.UTF_8);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return answer instanceof String said && ADDED.matcher(said).matches();
        } catch (IOException | JMException | RuntimeException unavailable) {
            return false;
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * The options that start a JVM under this plan, its directives written into {@code folder}. The JVM announces the
     * directives on stdout, which is a worker's channel to its parent, so VM output goes to stderr.
     */
    List<String> jvmOptions(Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("compiler-directives.json"), directives, StandardCharsets.UTF_8);
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DisplayVMOutputToStderr", "-XX:CompilerDirectivesFile=" + file);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException leftInTemp) {
            // A few hundred bytes of directives in the temp folder harm nothing.
        }
    }
}
