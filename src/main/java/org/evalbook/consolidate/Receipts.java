package org.evalbook.consolidate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.intake.ReceiptLog;

/**
 * The receipt logs ({@value ReceiptLog#FILE_NAME}) that mail collection writes beside the files it saves, as the
 * command was given them: a file's log is the nearest one in its folder or a folder above it, up to and including the
 * input folder ({@code --in}) it was found under — never beyond, so a log elsewhere on the disk is never read. Each
 * log is read once.
 */
public final class Receipts {
    private final List<Path> inputs;
    private final Map<Path, Map<Path, ReceiptLog.Receipt>> byFolder = new HashMap<>();

    private Receipts(List<Path> inputs) {
        this.inputs = inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** The logs under the input folders given ({@code --in}). */
    public static Receipts under(List<Path> inputs) {
        return new Receipts(inputs);
    }

    /** Only the log in each file's own folder (files handed over one by one, with no input folder). */
    public static Receipts beside() {
        return new Receipts(List.of());
    }

    public Optional<ReceiptLog.Receipt> of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path top = inputs.stream().filter(absolute::startsWith).max((a, b) -> a.getNameCount() - b.getNameCount())
                .orElse(absolute.getParent());
        for (Path folder = absolute.getParent(); folder != null && folder.startsWith(top); folder = folder.getParent()) {
            Map<Path, ReceiptLog.Receipt> saved = byFolder.computeIfAbsent(folder, Receipts::load);
            if (!saved.isEmpty()) {
                return Optional.ofNullable(saved.get(absolute));
            }
        }
        return Optional.empty();
    }

    /** The receipt time in {@code zone}, or empty when no log names the file. */
    public Optional<LocalDateTime> time(Path file, ZoneId zone) {
        return of(file).map(r -> r.at().atZoneSameInstant(zone).toLocalDateTime());
    }

    /** A file saved twice (the same attachment mailed again) keeps its first receipt. */
    private static Map<Path, ReceiptLog.Receipt> load(Path folder) {
        Map<Path, ReceiptLog.Receipt> saved = new HashMap<>();
        try {
            for (ReceiptLog.Receipt receipt : ReceiptLog.read(folder)) {
                saved.merge(folder.resolve(receipt.savedName()).normalize(), receipt,
                        (first, later) -> later.at().isBefore(first.at()) ? later : first);
            }
        } catch (IOException | RuntimeException unreadable) {
            // An unreadable log gives no receipt times; the files' modification times stand in, as without a log.
            return Map.of();
        }
        return saved;
    }
}
