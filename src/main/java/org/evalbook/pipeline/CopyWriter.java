package org.evalbook.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.Received;

/**
 * Puts annotated copies into their folder without ever leaving a half-written one there: each copy is written whole
 * into a hidden staging folder inside the copy folder (so on the same file system) and then renamed into place — at
 * once under {@link CopyFolder.Rule#EVERY_READABLE}, or when the caller says which to keep under
 * {@link CopyFolder.Rule#WITH_ERRORS_HELD}. A run that is killed leaves only the hidden staging folder, which scans
 * skip. Copies never take the name of a file being checked or of each other. Only its own copies are ever deleted.
 *
 * <p>Public only so that a run's {@link CheckRun.Summary} can hold copies back; everything else is the pipeline's.
 */
public final class CopyWriter {
    /** Hidden, so that a scan of the copy folder (or of a returns folder holding it) never reads it. */
    private static final String STAGING_PREFIX = ".evalbook-审核意见暂存-";

    private final CopyFolder folder;
    private final Map<Received, String> stems;
    private final Set<Path> received = new HashSet<>();
    /** Keyed by the file's place in the scan, so that every list comes out in the scan's order. */
    private final Map<Integer, Path> written = new ConcurrentSkipListMap<>();
    private final Map<Integer, Staged> held = new ConcurrentSkipListMap<>();
    private final Map<Integer, String> failures = new ConcurrentSkipListMap<>();
    private Path staging;

    /** A whole copy in the staging folder, and where it goes. */
    private record Staged(Path file, Path target, String name) {
    }

    /** @param files every file the run reads (the copies' names are unique among them) */
    CopyWriter(CopyFolder folder, List<Received> files) {
        this.folder = folder;
        this.stems = AnnotatedCopy.stems(files);
        files.forEach(f -> received.add(f.path().toAbsolutePath().normalize()));
    }

    /** Whether a readable return gets a copy under the folder's rule. */
    boolean wants(CheckedReturn checked) {
        return folder.rule() == CopyFolder.Rule.EVERY_READABLE || checked.hasErrors();
    }

    boolean holds() {
        return folder.rule() == CopyFolder.Rule.WITH_ERRORS_HELD;
    }

    /** Stages the copy of the file at {@code order} in the scan; renames it into place at once unless copies are held. */
    void write(int order, Received file, String format, IsolatedReader.Copy copy) {
        if (!copy.made()) {
            failures.put(order, file.name() + "：未能生成审核意见副本（" + copy.failure() + "）。");
            return;
        }
        Path target = AnnotatedCopy.target(folder.dir(), stems.get(file), format);
        for (int n = 2; received.contains(target.toAbsolutePath().normalize()); n++) {
            target = AnnotatedCopy.target(folder.dir(), stems.get(file) + "(" + n + ")", format);
        }
        Staged staged;
        try {
            staged = new Staged(Files.write(staging().resolve(order + "." + format), copy.workbook()), target, file.name());
        } catch (IOException | RuntimeException unwritable) {
            failures.put(order, unwritable(file.name(), target));
            return;
        }
        if (holds()) {
            held.put(order, staged);
        } else {
            place(order, staged);
        }
    }

    /** Renames the held copies of the files at {@code orders} into place; the others, and what failed for them, are dropped. */
    void keep(Set<Integer> orders) {
        failures.keySet().retainAll(orders);
        held.forEach((order, staged) -> {
            if (orders.contains(order)) {
                place(order, staged);
            }
        });
        held.clear();
        discard();
    }

    /** The copies in the folder, in the scan's order. */
    List<Path> written() {
        return List.copyOf(written.values());
    }

    /** Why a copy is missing, in Chinese, in the scan's order. */
    List<String> failures() {
        return List.copyOf(failures.values());
    }

    /** Deletes the staging folder and every copy still in it. Nothing else is touched. */
    synchronized void discard() {
        if (staging == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(staging)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException leftBehind) {
            // a hidden folder of our own copies, which scans skip; it holds nothing the units sent
        }
        staging = null;
    }

    private void place(int order, Staged staged) {
        try {
            Files.move(staged.file(), staged.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            written.put(order, staged.target());
        } catch (IOException | RuntimeException unwritable) {
            failures.put(order, unwritable(staged.name(), staged.target()));
        }
    }

    private synchronized Path staging() throws IOException {
        if (staging == null) {
            staging = Files.createTempDirectory(Files.createDirectories(folder.dir()), STAGING_PREFIX);
        }
        return staging;
    }

    private static String unwritable(String name, Path target) {
        return name + "：未能写入审核意见副本 " + target + "（磁盘已满或没有写入权限）。";
    }
}
