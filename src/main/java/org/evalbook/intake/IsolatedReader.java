package org.evalbook.intake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;

/**
 * Reads untrusted files in separate worker JVMs, as POI's own security advice recommends: each worker has a heap
 * limit ({@code -Xmx}) and exits on OutOfMemoryError, and each file a wall-clock limit — counted from when its
 * worker has the file, not from the worker's start — after which its worker is killed. A file that hits a limit
 * becomes an F08 finding, a worker that dies an F14, and the batch goes on with a fresh worker. Files reach workers
 * as bytes (see {@link WorkerProtocol}), never as names.
 */
public final class IsolatedReader {
    /** How long a fresh worker may take to start and load the framework. */
    private static final Duration STARTUP = Duration.ofSeconds(120);

    /** The limits one file is read under. {@code workers} is capped by the cores. */
    public record Limits(int workers, Duration perFile, int heapMegabytes) {
        public static final Limits DEFAULT = new Limits(4, Duration.ofSeconds(60), 512);

        public Limits {
            workers = Math.max(1, Math.min(workers, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** What the caller does with each return while its worker still holds the file (to copy it, say). */
    public interface Handler {
        /** @param sha256 the digest of the bytes the worker read ("" when none were read) */
        void handle(int index, RawReturn raw, String sha256, Copier copier);
    }

    /** Asks the worker that read a return for an annotated copy of exactly what it read. */
    public interface Copier {
        /** The copy's bytes, or the Chinese reason it could not be made. */
        Copy copy(Annotation annotation);
    }

    /** An annotated copy, or why there is none. */
    public record Copy(byte[] workbook, String failure) {
        public boolean made() {
            return failure.isEmpty();
        }
    }

    private final String framework;
    private final String projectFramework;
    private final Limits limits;
    private final String workerClass;
    private final int longRunFiles;
    private final Optional<List<String>> longRunOptions;

    /** Reads returns of {@code framework} or of the bundled project form. */
    public IsolatedReader(String framework, Limits limits) {
        this(framework, org.evalbook.framework.Frameworks.PROJECT_ID, limits);
    }

    /**
     * @param framework        the 部门整体支出 framework as the workers load it (a bundled id or a folder)
     * @param projectFramework the project form's, likewise
     */
    public IsolatedReader(String framework, String projectFramework, Limits limits) {
        this(framework, projectFramework, limits, ReaderWorker.class.getName(), CompilerPlan.LONG_RUN_FILES, Optional.empty());
    }

    IsolatedReader(String framework, Limits limits, String workerClass) {
        this(framework, org.evalbook.framework.Frameworks.PROJECT_ID, limits, workerClass, CompilerPlan.LONG_RUN_FILES, Optional.empty());
    }

    /**
     * @param longRunFiles   how many files ahead make a worker's run long enough for C2 (see {@link CompilerPlan})
     * @param longRunOptions the JVM options of such a worker in place of the plan's
     */
    IsolatedReader(String framework, Limits limits, int longRunFiles, Optional<List<String>> longRunOptions) {
        this(framework, org.evalbook.framework.Frameworks.PROJECT_ID, limits, ReaderWorker.class.getName(), longRunFiles, longRunOptions);
    }

    private IsolatedReader(String framework, String projectFramework, Limits limits, String workerClass, int longRunFiles,
                           Optional<List<String>> longRunOptions) {
        this.framework = framework;
        this.projectFramework = projectFramework;
        this.limits = limits;
        this.workerClass = workerClass;
        this.longRunFiles = longRunFiles;
        this.longRunOptions = longRunOptions;
    }

    /** Reads every file; the results are in the order of {@code files}, one per file, whatever happened. */
    public List<RawReturn> readAll(List<Received> files) throws InterruptedException {
        RawReturn[] results = new RawReturn[files.size()];
        readEach(files, (index, raw, sha256, copier) -> results[index] = raw);
        return List.of(results);
    }

    /**
     * Reads every file and hands each return to {@code handler} as soon as it is read, on the thread that owns its
     * worker (so up to {@link Limits#workers} at once, in no fixed order).
     */
    public void readEach(List<Received> files, Handler handler) throws InterruptedException {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("evalbook-read-");
        } catch (IOException noTemp) {
            throw new IllegalStateException("cannot create a temporary folder for the reader workers", noTemp);
        }
        List<String> compilerOptions;
        try {
            compilerOptions = longRunOptions.isPresent() ? longRunOptions.get() : CompilerPlan.READER_WORKER.jvmOptions(scratch);
        } catch (IOException unwritable) {
            // only slower: every worker keeps to C1
            compilerOptions = CompilerPlan.SHORT_RUN_OPTIONS;
        }
        AtomicInteger next = new AtomicInteger();
        LongRun longRun = new LongRun(compilerOptions, () -> (files.size() - next.get()) / limits.workers(), new AtomicBoolean());
        ExecutorService pool = Executors.newFixedThreadPool(limits.workers());
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int w = 0; w < limits.workers(); w++) {
                running.add(pool.submit(() -> {
                    try (Worker worker = new Worker(scratch, longRun)) {
                        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                            Received file = files.get(i);
                            RawReturn raw = worker.read(file).named(file.name());
                            handler.handle(i, raw, worker.digest(), worker);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException failed) {
            throw new IllegalStateException("reader pool failed", failed.getCause());
        } finally {
            pool.shutdownNow();
            deleteQuietly(scratch);
        }
    }

    /**
     * How a worker with a long run ahead is started, and whether a JVM has refused that already in this batch.
     *
     * @param filesAhead how many files a worker may still read, roughly
     */
    private record LongRun(List<String> options, IntSupplier filesAhead, AtomicBoolean refused) {
    }

    /** One worker process, restarted whenever a file kills or stalls it. */
    private final class Worker implements Copier, AutoCloseable {
        private final Path scratch;
        private final LongRun longRun;
        private Process process;
        private DataOutputStream input;
        private BlockingQueue<WorkerProtocol.Frame> frames;
        /** What the running worker has sent: a return that does not decode stops the worker, and a new one starts afresh. */
        private ReturnCodec.Repeats received;
        private String digest = "";

        Worker(Path scratch, LongRun longRun) {
            this.scratch = scratch;
            this.longRun = longRun;
        }

        /** The SHA-256 of the bytes last sent to the worker ("" when the file could not be read). */
        String digest() {
            return digest;
        }

        RawReturn read(Received file) {
            byte[] content;
            digest = "";
            try {
                if (Files.size(file.path()) > WorkbookReader.MAX_FILE_BYTES) {
                    return failed(FindingCode.F08, "文件大于 " + WorkbookReader.MAX_FILE_BYTES / 1024 / 1024
                            + " MB，超出读取限制。填报表正常只有几十 KB，请检查是否发错文件");
                }
                content = Files.readAllBytes(file.path());
                digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
            } catch (java.security.NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            } catch (IOException | SecurityException unreadable) {
                return RawReturn.unreadable("", List.of(Finding.aboutFile(FindingCode.F18, "",
                        "无法读取文件（权限不足，或读取时文件被移走、被占用）。请确认文件可以打开后重新检查。")));
            }
            String ext = file.extension();
            byte[] request = new byte[1 + ext.length() + content.length];
            request[0] = (byte) ext.length();
            System.arraycopy(ext.getBytes(StandardCharsets.US_ASCII), 0, request, 1, ext.length());
            System.arraycopy(content, 0, request, 1 + ext.length(), content.length);
            try {
                if (!start()) {
                    return failed(FindingCode.F14, "读取进程未能在 " + STARTUP.toSeconds() + " 秒内启动（电脑可能过于繁忙）");
                }
                WorkerProtocol.write(input, WorkerProtocol.READ, request);
                WorkerProtocol.Frame answer = await(WorkerProtocol.RESULT);
                if (answer == null) {
                    return failed(FindingCode.F08, "读取超过 " + limits.perFile().toSeconds() + " 秒仍未完成，已被终止");
                }
                if (answer.kind() == EOF) {
                    int exit = waitForExit();
                    stop();
                    return exit == OUT_OF_MEMORY
                            ? failed(FindingCode.F08, "读取时内存超过 " + limits.heapMegabytes() + " MB 的限制，已被终止")
                            : failed(FindingCode.F14, "读取进程意外退出（代码 " + exit + "）");
                }
                return ReturnCodec.decode(answer.payload(), received);
            } catch (IOException broken) {
                stop();
                return failed(FindingCode.F14, "与读取进程的通信中断");
            } catch (InterruptedException interrupted) {
                stop();
                Thread.currentThread().interrupt();
                return failed(FindingCode.F14, "读取被中止");
            }
        }

        @Override
        public Copy copy(Annotation annotation) {
            if (process == null) {
                return new Copy(new byte[0], "读取此文件的进程已结束");
            }
            try {
                WorkerProtocol.write(input, WorkerProtocol.COPY, ReaderWorker.JSON.writeValueAsBytes(annotation));
                WorkerProtocol.Frame answer = await(WorkerProtocol.COPIED);
                if (answer == null) {
                    return new Copy(new byte[0], "生成副本超过 " + limits.perFile().toSeconds() + " 秒仍未完成，已被终止");
                }
                if (answer.kind() == EOF) {
                    boolean memory = waitForExit() == OUT_OF_MEMORY;
                    stop();
                    return new Copy(new byte[0], memory ? "生成副本时内存超过 " + limits.heapMegabytes() + " MB 的限制" : "生成副本的进程意外退出");
                }
                return answer.kind() == WorkerProtocol.COPIED ? new Copy(answer.payload(), "") : new Copy(new byte[0], answer.text());
            } catch (IOException broken) {
                stop();
                return new Copy(new byte[0], "与读取进程的通信中断");
            } catch (InterruptedException interrupted) {
                stop();
                Thread.currentThread().interrupt();
                return new Copy(new byte[0], "生成副本被中止");
            }
        }

        /** The answer within the per-file limit (the worker is killed and null returned when there is none). */
        private WorkerProtocol.Frame await(byte expected) throws InterruptedException {
            long deadline = System.nanoTime() + limits.perFile().toNanos();
            while (true) {
                WorkerProtocol.Frame frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    stop();
                    return null;
                }
                if (frame.kind() == expected || frame.kind() == EOF || frame.kind() == WorkerProtocol.FAILED) {
                    return frame;
                }
            }
        }

        /** Starts a worker unless one is running; false when it did not get ready in time. */
        private boolean start() throws IOException, InterruptedException {
            if (process != null && process.isAlive()) {
                return true;
            }
            if (!longRun.refused().get() && longRun.filesAhead().getAsInt() >= longRunFiles) {
                try {
                    if (start(longRun.options())) {
                        return true;
                    }
                } catch (IOException died) {
                    stop();
                }
                // A JVM that refuses the options (its directives file gone, say) dies before it is ready: the rest of
                // the batch does without them rather than losing every file to a worker that cannot start.
                longRun.refused().set(true);
            }
            return start(CompilerPlan.SHORT_RUN_OPTIONS);
        }

        private boolean start(List<String> compilerOptions) throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx" + limits.heapMegabytes() + "m", "-XX:+ExitOnOutOfMemoryError", "-Xss4m"));
            command.addAll(compilerOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), workerClass));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            input = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            frames = new LinkedBlockingQueue<>();
            received = new ReturnCodec.Repeats();
            pump(process, frames);
            WorkerProtocol.write(input, WorkerProtocol.START,
                    ReaderWorker.JSON.writeValueAsBytes(new String[] {framework, scratch.toString(), projectFramework}));
            WorkerProtocol.Frame ready = frames.poll(STARTUP.toNanos(), TimeUnit.NANOSECONDS);
            if (ready == null || ready.kind() != WorkerProtocol.READY) {
                stop();
                return false;
            }
            return true;
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

    /** Moves the worker's frames to a queue, so that waiting for one can time out; the end of output is an EOF frame. */
    private static void pump(Process process, BlockingQueue<WorkerProtocol.Frame> sink) {
        Thread pump = new Thread(() -> {
            try (DataInputStream out = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
                for (WorkerProtocol.Frame frame = WorkerProtocol.read(out); frame != null; frame = WorkerProtocol.read(out)) {
                    sink.add(frame);
                }
            } catch (IOException closed) {
                // the worker was killed or wrote garbage; the EOF frame below tells the reader
            } finally {
                sink.add(new WorkerProtocol.Frame(EOF, new byte[0]));
            }
        }, "evalbook-reader-output");
        pump.setDaemon(true);
        pump.start();
    }

    private static final byte EOF = 0;
    private static final int OUT_OF_MEMORY = 3;

    private static RawReturn failed(FindingCode code, String reason) {
        return RawReturn.unreadable("", List.of(Finding.aboutFile(code, "", reason + "。" + WorkbookReader.advice(code) + "。")));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException leftBehind) {
            // a temporary folder the system cleans up; nothing received is in it that is not also in the original
        }
    }
}
