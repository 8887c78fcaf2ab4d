package org.evalbook.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.evalbook.check.CheckResult;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Framework;
import org.evalbook.intake.IsolatedReader;
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
     * @param framework the framework argument as the workers load it (a bundled id or a folder)
     * @param identity  what each return's identity is checked against (key, roster row)
     * @param annotate  the folder for annotated copies, when wanted
     */
    public record Options(String framework, Framework loaded, IsolatedReader.Limits limits, Function<RawReturn, Identity> identity,
                          Optional<Path> annotate) {
    }

    /** What a run did besides the returns: the files skipped on purpose, the copies written and those that failed. */
    public record Summary(List<ReceivedFiles.Skipped> skipped, List<Path> copies, List<String> copyFailures) {
        public Summary {
            skipped = List.copyOf(skipped);
            copies = List.copyOf(copies);
            copyFailures = List.copyOf(copyFailures);
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
        this(options, new ReturnChecker(options.loaded())::check);
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
        Copies copies = new Copies(options.annotate(), toRead);
        ExecutorService checking = Executors.newCachedThreadPool(daemon());
        try {
            new IsolatedReader(options.framework(), options.limits()).readEach(toRead, (index, raw, sha256, worker) -> {
                Received file = toRead.get(index);
                CheckResult result = withNameWarning(file, check(checking, raw));
                if (options.annotate().isPresent() && result.read().isPresent()) {
                    copies.write(file, raw.format(), worker.copy(AnnotatedCopy.of(result.findings())));
                }
                CheckedReturn checked = checked(order.get(file), file, sha256, result);
                synchronized (sink) {
                    sink.accept(checked);
                }
            });
        } finally {
            checking.shutdownNow();
        }
        return new Summary(scan.skipped(), copies.written(), copies.failures());
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

    /** Writes annotated copies under unique names, never over a file being checked. */
    private static final class Copies {
        private final Optional<Path> dir;
        private final Map<Received, String> stems;
        private final Set<Path> received = new HashSet<>();
        private final Map<Received, Path> written = new ConcurrentHashMap<>();
        private final Map<Received, String> failures = new ConcurrentHashMap<>();
        private final List<Received> order;

        Copies(Optional<Path> dir, List<Received> files) {
            this.dir = dir;
            this.order = files;
            this.stems = AnnotatedCopy.stems(files);
            files.forEach(f -> received.add(f.path().toAbsolutePath().normalize()));
        }

        void write(Received file, String format, IsolatedReader.Copy copy) {
            if (!copy.made()) {
                failures.put(file, file.name() + "：未能生成审核意见副本（" + copy.failure() + "）。");
                return;
            }
            Path target = AnnotatedCopy.target(dir.orElseThrow(), stems.get(file), format);
            for (int n = 2; received.contains(target.toAbsolutePath().normalize()); n++) {
                target = AnnotatedCopy.target(dir.orElseThrow(), stems.get(file) + "(" + n + ")", format);
            }
            try {
                Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                Files.write(partial, copy.workbook());
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                written.put(file, target);
            } catch (IOException | RuntimeException unwritable) {
                failures.put(file, file.name() + "：未能写入审核意见副本 " + target + "（磁盘已满或没有写入权限）。");
            }
        }

        List<Path> written() {
            return order.stream().filter(written::containsKey).map(written::get).toList();
        }

        List<String> failures() {
            return order.stream().filter(failures::containsKey).map(failures::get).toList();
        }
    }
}
