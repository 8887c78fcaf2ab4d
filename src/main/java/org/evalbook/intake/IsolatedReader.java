package org.evalbook.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;

/**
 * Reads untrusted files in separate worker JVMs, as POI's own security advice recommends: each worker has a heap
 * limit ({@code -Xmx}) and exits on OutOfMemoryError, and each file a wall-clock limit after which its worker is
 * killed. A file that hits a limit becomes an F08 finding, a worker that dies an F14, and the batch goes on with a
 * fresh worker.
 */
public final class IsolatedReader {
    /** The limits one file is read under. */
    public record Limits(int workers, Duration perFile, int heapMegabytes) {
        public static final Limits DEFAULT = new Limits(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
                Duration.ofSeconds(60), 512);
    }

    private final String framework;
    private final Limits limits;
    private final String workerClass;

    public IsolatedReader(String framework, Limits limits) {
        this(framework, limits, ReaderWorker.class.getName());
    }

    IsolatedReader(String framework, Limits limits, String workerClass) {
        this.framework = framework;
        this.limits = limits;
        this.workerClass = workerClass;
    }

    /** Reads every file; the results are in the order of {@code files}, one per file, whatever happened. */
    public List<RawReturn> readAll(List<Path> files) throws InterruptedException {
        RawReturn[] results = new RawReturn[files.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(limits.workers());
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < limits.workers(); w++) {
            running.add(pool.submit(() -> {
                try (Worker worker = new Worker()) {
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        results[i] = worker.read(files.get(i));
                    }
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException failed) {
                throw new IllegalStateException("reader pool failed", failed.getCause());
            }
        }
        return List.of(results);
    }

    /** One worker process, restarted whenever a file kills or stalls it. */
    private final class Worker implements AutoCloseable {
        private Process process;
        private Writer input;
        private BlockingQueue<String> lines;

        RawReturn read(Path file) {
            String name = file.getFileName().toString();
            try {
                start();
                input.write(file.toAbsolutePath() + "\n");
                input.flush();
                long deadline = System.nanoTime() + limits.perFile().toNanos();
                while (true) {
                    String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null) {
                        stop();
                        return failed(name, FindingCode.F08, "读取超过 " + limits.perFile().toSeconds() + " 秒仍未完成，已被终止");
                    }
                    if (line.equals(EOF)) {
                        int exit = waitForExit();
                        stop();
                        return exit == OUT_OF_MEMORY || exit == 3
                                ? failed(name, FindingCode.F08, "读取时内存超过 " + limits.heapMegabytes() + " MB 的限制，已被终止")
                                : failed(name, FindingCode.F14, "读取进程意外退出（代码 " + exit + "）");
                    }
                    if (line.startsWith(ReaderWorker.RESULT)) {
                        return ReaderWorker.JSON.readValue(line.substring(ReaderWorker.RESULT.length()), RawReturn.class);
                    }
                }
            } catch (IOException | InterruptedException broken) {
                stop();
                if (broken instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return failed(name, FindingCode.F14, "读取进程出错（" + broken.getClass().getSimpleName() + "）");
            }
        }

        private void start() throws IOException {
            if (process != null && process.isAlive()) {
                return;
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx" + limits.heapMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError",
                    "-XX:TieredStopAtLevel=1", "-Xss4m", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                    workerClass, framework);
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            lines = new LinkedBlockingQueue<>();
            BlockingQueue<String> sink = lines;
            Process started = process;
            Thread pump = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        sink.add(line);
                    }
                } catch (IOException closed) {
                    // the worker was killed; EOF below tells the reader
                } finally {
                    sink.add(EOF);
                }
            }, "evalbook-reader-output");
            pump.setDaemon(true);
            pump.start();
        }

        private int waitForExit() throws InterruptedException {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        }

        private void stop() {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process = null;
            }
        }

        @Override
        public void close() {
            if (process != null) {
                try {
                    input.close();
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        stop();
                    }
                } catch (IOException | InterruptedException ignored) {
                    stop();
                }
            }
        }
    }

    private static final String EOF = "\u0000EOF";
    private static final int OUT_OF_MEMORY = 3;

    private static RawReturn failed(String file, FindingCode code, String reason) {
        return RawReturn.unreadable(file, List.of(Finding.aboutFile(code, file, reason + "。" + WorkbookReader.advice(code) + "。")));
    }
}
