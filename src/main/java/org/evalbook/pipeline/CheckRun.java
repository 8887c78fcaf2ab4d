package org.evalbook.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
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
import org.evalbook.report.AnnotatedCopy;

/**
 * Checks a batch of received files: reads each in an isolated worker, checks it in this process under a time limit,
 * and (on request) has the same worker write an annotated copy of exactly what it read. One bad file never stops the
 * batch; every file found ends in one result, or in the list of files skipped on purpose.
 */
public final class CheckRun {
    /**
     * @param framework   the framework argument as the workers load it (a bundled id or a folder)
     * @param identity    what each return's identity is checked against
     * @param annotate    the folder for annotated copies, when wanted
     */
    public record Options(String framework, Framework loaded, IsolatedReader.Limits limits, Function<RawReturn, Identity> identity,
                          Optional<Path> annotate) {
    }

    /** What one run gives: a result per file found (in order), the files skipped, and the copies written. */
    public record Outcome(List<CheckResult> results, List<ReceivedFiles.Skipped> skipped, List<Path> copies, List<String> copyFailures) {
        public Outcome {
            results = List.copyOf(results);
            skipped = List.copyOf(skipped);
            copies = List.copyOf(copies);
            copyFailures = List.copyOf(copyFailures);
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

    public Outcome run(ReceivedFiles.Scan scan) throws InterruptedException {
        List<ReceivedFiles.Found> found = scan.found();
        CheckResult[] results = new CheckResult[found.size()];
        Path[] copies = new Path[found.size()];
        String[] copyFailures = new String[found.size()];
        List<Received> toRead = new ArrayList<>();
        Map<Received, Integer> position = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            ReceivedFiles.Found entry = found.get(i);
            if (entry.cannotOpen().isPresent()) {
                results[i] = unopenable(entry.file(), entry.cannotOpen().get());
            } else {
                position.put(entry.file(), i);
                toRead.add(entry.file());
            }
        }
        Copies copier = new Copies(options.annotate(), toRead);
        ExecutorService checking = Executors.newCachedThreadPool(daemon());
        try {
            new IsolatedReader(options.framework(), options.limits()).readEach(toRead, (index, raw, worker) -> {
                Received file = toRead.get(index);
                int at = position.get(file);
                CheckResult result = withNameWarning(file, check(checking, raw));
                results[at] = result;
                if (options.annotate().isPresent() && result.read().isPresent()) {
                    copier.write(file, raw.format(), worker.copy(AnnotatedCopy.of(result))).ifPresentOrElse(
                            written -> copies[at] = written, () -> copyFailures[at] = copier.lastFailure(file));
                }
            });
        } finally {
            checking.shutdownNow();
        }
        List<CheckResult> all = Duplicates.mark(List.of(results), found.stream().map(ReceivedFiles.Found::file).toList());
        return new Outcome(all, scan.skipped(), present(copies), present(copyFailures));
    }

    /** The check of one return, in this process, within the per-file time limit. */
    private CheckResult check(ExecutorService checking, RawReturn raw) {
        Identity identity;
        Future<CheckResult> running;
        try {
            identity = options.identity().apply(raw);
            running = checking.submit(() -> checker.apply(raw, identity));
        } catch (RuntimeException bug) {
            return internal(raw.file());
        }
        Duration limit = options.limits().perFile();
        try {
            return running.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            running.cancel(true);
            return new CheckResult(raw.file(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(Finding.aboutFile(FindingCode.F08,
                    raw.file(), "检查此文件超过 " + limit.toSeconds() + " 秒仍未完成，已停止，其他文件不受影响。请检查文件中是否有异常长的文字或数据。")));
        } catch (ExecutionException bug) {
            return internal(raw.file());
        } catch (InterruptedException interrupted) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return internal(raw.file());
        }
    }

    private static CheckResult internal(String file) {
        return new CheckResult(file, Optional.empty(), Optional.empty(), Optional.empty(), List.of(Finding.aboutFile(FindingCode.F14, file,
                ReturnChecker.INTERNAL + "，其他文件不受影响。请把此文件和所用命令报告给开发者。")));
    }

    private static CheckResult unopenable(Received file, String reason) {
        return new CheckResult(file.name(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(Finding.aboutFile(FindingCode.F18, file.name(), reason + "。")));
    }

    private static CheckResult withNameWarning(Received file, CheckResult result) {
        if (!file.oddName()) {
            return result;
        }
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.add(Finding.aboutFile(FindingCode.F17, file.name(), "文件名中含有换行等控制字符或无法识别的字符，显示时已转义为“"
                + file.name() + "”，文件内容照常检查。请把文件改成普通名称（如“单位代码_单位名称_年度.xlsx”）后再交回。"));
        return new CheckResult(result.file(), result.read(), result.profile(), result.scores(), findings);
    }

    private static <T> List<T> present(T[] lines) {
        List<T> present = new ArrayList<>();
        for (T line : lines) {
            if (line != null) {
                present.add(line);
            }
        }
        return present;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
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
        private final Map<Received, String> failures = new java.util.concurrent.ConcurrentHashMap<>();

        Copies(Optional<Path> dir, List<Received> files) {
            this.dir = dir;
            this.stems = AnnotatedCopy.stems(files);
            files.forEach(f -> received.add(f.path().toAbsolutePath().normalize()));
        }

        Optional<Path> write(Received file, String format, IsolatedReader.Copy copy) {
            if (!copy.made()) {
                failures.put(file, file.name() + "：未能生成审核意见副本（" + copy.failure() + "）。");
                return Optional.empty();
            }
            Path target = AnnotatedCopy.target(dir.orElseThrow(), stems.get(file), format);
            for (int n = 2; received.contains(target.toAbsolutePath().normalize()); n++) {
                target = AnnotatedCopy.target(dir.orElseThrow(), stems.get(file) + "(" + n + ")", format);
            }
            try {
                java.nio.file.Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                java.nio.file.Files.write(partial, copy.workbook());
                java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return Optional.of(target);
            } catch (java.io.IOException | RuntimeException unwritable) {
                failures.put(file, file.name() + "：未能写入审核意见副本 " + target + "（磁盘已满或没有写入权限）。");
                return Optional.empty();
            }
        }

        String lastFailure(Received file) {
            return failures.get(file);
        }
    }
}
