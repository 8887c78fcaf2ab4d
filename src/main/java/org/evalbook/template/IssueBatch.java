package org.evalbook.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evalbook.framework.Framework;
import org.evalbook.signing.SigningKey;

/**
 * Issues a roster's workbooks on every core: each {@link IssueShape}'s workbook is written once and stamped for its
 * units ({@link StampedIssue}); a unit no shape can stand for, or of a shape beyond the first {@value #MAX_SHAPES},
 * is written in full. The workbooks come back in roster order, a few at a time, so memory does not grow with the roster.
 */
public final class IssueBatch {
    /** Shapes kept at once: each holds its workbook's parts and, with figures, one workbook per thread to recalculate. */
    static final int MAX_SHAPES = 8;

    /** One unit's workbook to write to {@code target}. */
    public record Job(UnitIssue issue, Path target) {
    }

    /** Receives each workbook, in the jobs' order, on the calling thread. */
    public interface Sink {
        void accept(Job job, byte[] workbook) throws IOException;
    }

    private final Framework framework;
    private final SigningKey key;
    private final Map<IssueShape, Optional<StampedIssue>> stamps = new ConcurrentHashMap<>();

    public IssueBatch(Framework framework, SigningKey key) {
        this.framework = framework;
        this.key = key;
    }

    /** Writes every job's workbook with {@code threads} workers and hands each to {@code sink} in order. */
    public void run(List<Job> jobs, int threads, Sink sink) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "issue");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<Future<byte[]>> pending = new ArrayDeque<>();
            int next = 0;
            for (Job job : jobs) {
                while (pending.size() >= threads * 4) {
                    sink.accept(jobs.get(next++), result(pending.removeFirst()));
                }
                pending.addLast(workers.submit(() -> workbook(job)));
            }
            while (!pending.isEmpty()) {
                sink.accept(jobs.get(next++), result(pending.removeFirst()));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** The bytes of the job's workbook: stamped when its shape allows, else written in full. */
    byte[] workbook(Job job) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Optional<StampedIssue> stamp = IssueShape.of(job.issue()).flatMap(this::stamp);
        if (stamp.isPresent()) {
            stamp.get().write(job.issue(), out);
        } else {
            TemplateWriter.write(framework, framework.profile(job.issue().profile()).orElseThrow(), Optional.of(job.issue()), key, out);
        }
        return out.toByteArray();
    }

    private Optional<StampedIssue> stamp(IssueShape shape) {
        Optional<StampedIssue> known = stamps.get(shape);
        if (known != null) {
            return known;
        }
        if (stamps.size() >= MAX_SHAPES) {
            return Optional.empty();
        }
        return stamps.computeIfAbsent(shape, s -> {
            try {
                return Optional.of(new StampedIssue(framework, framework.profile(s.profile()).orElseThrow(), s, key));
            } catch (IllegalStateException unstampable) {
                // The placeholder's workbook is not written as the stamper expects: every unit of it is written in full.
                return Optional.empty();
            }
        });
    }

    private static byte[] result(Future<byte[]> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while issuing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
