package org.evalbook.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evalbook.check.CheckResult;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.intake.CompilerPlan;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ProjectContract;
import org.evalbook.intake.RawReturn;
import org.evalbook.intake.Received;
import org.evalbook.intake.ReceivedFiles;

/**
 * The per-return pipeline that {@code check}, {@code demo} and consolidation share: each file found is read in an
 * isolated worker, checked here under a time limit, copied with its annotations (on request) by the worker that read
 * it, and handed on as one small {@link CheckedReturn} as soon as it is ready. One bad file never stops the batch;
 * every file found gives exactly one result, and the files skipped on purpose are listed.
 */
public final class CheckRun {
    /**
     * @param framework        the 部门整体支出 framework argument as the workers load it (a bundled id or a folder)
     * @param projectFramework the project form's, likewise; each return is checked under the framework of its form
     * @param identity         what each return's identity is checked against (key, roster row)
     * @param annotate         where annotated copies go and which returns get one, when wanted
     */
    public record Options(String framework, Framework loaded, String projectFramework, ProjectFramework projectLoaded,
                          IsolatedReader.Limits limits, Function<RawReturn, Identity> identity, Optional<CopyFolder> annotate) {
        /** Project returns under the bundled project framework. */
        public Options(String framework, Framework loaded, IsolatedReader.Limits limits, Function<RawReturn, Identity> identity,
                       Optional<CopyFolder> annotate) {
            this(framework, loaded, Frameworks.PROJECT_ID, ProjectContract.bundled(), limits, identity, annotate);
        }
    }

    /**
     * What a run did besides the returns: the files skipped on purpose, the copies written and those that failed.
     *
     * @param held copies made but held back ({@link CopyFolder.Rule#WITH_ERRORS_HELD}) until {@link #publish} or
     *             {@link #discardHeld}; {@code copies} and {@code copyFailures} are empty meanwhile
     */
    public record Summary(List<ReceivedFiles.Skipped> skipped, List<Path> copies, List<String> copyFailures, Optional<CopyWriter> held) {
        public Summary {
            skipped = List.copyOf(skipped);
            copies = List.copyOf(copies);
            copyFailures = List.copyOf(copyFailures);
        }

        /**
         * Moves the held copies of {@code kept} into the copy folder and deletes the others: the summary of what was
         * written. Returns this summary when nothing was held.
         */
        public Summary publish(Collection<CheckedReturn> kept) {
            if (held.isEmpty()) {
                return this;
            }
            CopyWriter writer = held.get();
            writer.keep(kept.stream().map(CheckedReturn::order).collect(Collectors.toSet()));
            return new Summary(skipped, writer.written(), writer.failures(), Optional.empty());
        }

        /** Deletes the copies still held back (when the run fails before {@link #publish}); harmless after it. */
        public void discardHeld() {
            held.ifPresent(CopyWriter::discard);
        }
    }

    /** A whole run collected: one result per file found, in the scan's order, duplicates of one unit marked (C25). */
    public record Outcome(List<CheckedReturn> results, Summary summary) {
        public Outcome {
            results = List.copyOf(results);
        }

        public boolean internalError() {
            return results.stream().anyMatch(r -> r.findings().stream().anyMatch(f -> f.message().startsWith(ReturnChecker.INTERNAL)));
        }
    }

    private final Options options;
    private final BiFunction<RawReturn, Identity, CheckResult> checker;

    public CheckRun(Options options) {
        this(options, new ReturnChecker(options.loaded(), options.projectLoaded())::check);
    }

    CheckRun(Options options, BiFunction<RawReturn, Identity, CheckResult> checker) {
        this.options = options;
        this.checker = checker;
    }

    /** Collects a whole run (for the reports of {@code check}): every result in the scan's order, C25 marked. */
    public Outcome runAll(ReceivedFiles.Scan scan) throws InterruptedException {
        List<CheckedReturn> results = new ArrayList<>();
        Summary summary = run(scan, results::add);
        results.sort(Comparator.comparingInt(CheckedReturn::order));
        return new Outcome(Duplicates.mark(results), summary);
    }

    /**
     * Streams a run: {@code sink} gets each file's result as soon as it is ready, in the order workers finish, one
     * call at a time. Nothing of a return but its {@link CheckedReturn} is kept once it has been handed on.
     */
    public Summary run(ReceivedFiles.Scan scan, Consumer<CheckedReturn> sink) throws InterruptedException {
        // Off the path to the first worker: both go in through JMX, which takes a tenth of a second to load.
        CompletableFuture.runAsync(() -> {
            CompilerPlan.BATCH_PARENT.applyHere();
            GrownHeap.keep();
        });
        List<ReceivedFiles.Found> found = scan.found();
        List<Received> toRead = new ArrayList<>();
        Map<Received, Integer> order = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            ReceivedFiles.Found entry = found.get(i);
            if (entry.cannotOpen().isPresent()) {
                Finding cannot = Finding.aboutFile(FindingCode.F18, entry.file().name(), entry.cannotOpen().get() + "。");
                synchronized (sink) {
                    sink.accept(checked(i, entry.file(), "", CheckResult.unread(entry.file().name(), List.of(cannot))));
                }
            } else {
                order.put(entry.file(), i);
                toRead.add(entry.file());
            }
        }
        Optional<CopyWriter> copies = options.annotate().map(folder -> new CopyWriter(folder, toRead));
        ExecutorService checking = Executors.newCachedThreadPool(daemon());
        // Without copies to make, a worker need not hold its file while the return is checked here: it reads the
        // next file meanwhile. A few returns at most wait to be checked, so memory stays flat.
        int ahead = 2 * options.limits().workers();
        Semaphore waiting = new Semaphore(ahead);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        boolean handedOver = false;
        try {
            new IsolatedReader(options.framework(), options.projectFramework(), options.limits()).readEach(toRead, (index, raw, sha256, worker) -> {
                Received file = toRead.get(index);
                if (copies.isPresent()) {
                    CheckResult result = withNameWarning(file, check(checking, raw));
                    CheckedReturn checked = checked(order.get(file), file, sha256, result);
                    if (result.read().isPresent() && copies.get().wants(checked)) {
                        copies.get().write(checked.order(), file, raw.format(), worker.copy(AnnotatedCopy.of(result)));
                    }
                    synchronized (sink) {
                        sink.accept(checked);
                    }
                    return;
                }
                waiting.acquireUninterruptibly();
                checking.execute(() -> {
                    try {
                        CheckedReturn checked = checked(order.get(file), file, sha256, withNameWarning(file, check(checking, raw)));
                        synchronized (sink) {
                            sink.accept(checked);
                        }
                    } catch (Throwable bug) {
                        failed.compareAndSet(null, bug);
                    } finally {
                        waiting.release();
                    }
                });
            });
            waiting.acquire(ahead);
            if (failed.get() != null) {
                throw new IllegalStateException("checking failed", failed.get());
            }
            if (copies.isPresent() && copies.get().holds()) {
                handedOver = true;
                return new Summary(scan.skipped(), List.of(), List.of(), copies);
            }
            return new Summary(scan.skipped(), copies.map(CopyWriter::written).orElse(List.of()),
                    copies.map(CopyWriter::failures).orElse(List.of()), Optional.empty());
        } finally {
            checking.shutdownNow();
            if (!handedOver) {
                copies.ifPresent(CopyWriter::discard);
            }
        }
    }

    private CheckedReturn checked(int order, Received file, String sha256, CheckResult result) {
        return CheckedReturn.of(order, file.path(), sha256, result, options.loaded());
    }

    /**
     * The check of one return, in this process, within the per-file time limit. A check that overruns is abandoned
     * (its daemon thread cannot be stopped from outside; every rule is linear, so this is a safety net).
     */
    private CheckResult check(ExecutorService checking, RawReturn raw) {
        Future<CheckResult> running;
        try {
            Identity identity = options.identity().apply(raw);
            running = checking.submit(() -> checker.apply(raw, identity));
        } catch (RuntimeException bug) {
            return internal(raw.file());
        }
        Duration limit = options.limits().perFile();
        try {
            return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            running.cancel(true);
            return CheckResult.unread(raw.file(), List.of(Finding.aboutFile(FindingCode.F08, raw.file(), "检查此文件超过 "
                    + limit.toSeconds() + " 秒仍未完成，已停止，其他文件不受影响。请检查文件中是否有异常长的文字或数据。")));
        } catch (ExecutionException bug) {
            return internal(raw.file());
        } catch (InterruptedException interrupted) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return internal(raw.file());
        }
    }

    private static CheckResult internal(String file) {
        return CheckResult.unread(file, List.of(Finding.aboutFile(FindingCode.F14, file,
                ReturnChecker.INTERNAL + "，其他文件不受影响。请把此文件和所用命令报告给开发者。")));
    }

    private static CheckResult withNameWarning(Received file, CheckResult result) {
        if (!file.oddName()) {
            return result;
        }
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.add(Finding.aboutFile(FindingCode.F17, file.name(), "文件名中含有换行等控制字符或无法识别的字符，显示时已转义为“"
                + file.name() + "”，文件内容照常检查。请把文件改成普通名称（如“单位代码_单位名称_年度.xlsx”）后再交回。"));
        return result.withFindings(findings);
    }

    private static ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "evalbook-check");
            thread.setDaemon(true);
            return thread;
        };
    }
}
