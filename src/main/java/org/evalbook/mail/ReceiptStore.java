package org.evalbook.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.evalbook.intake.ReceiptLog;

/**
 * The folder collect saves into, with its receipt log. A file is written to a hidden temporary file, moved into place
 * in one step, and only then logged; so a run killed at any point leaves no half-written file under a real name, and
 * the next run finds a file that was moved but not logged by its content and logs it instead of saving it twice.
 */
final class ReceiptStore {
    private static final String TEMP_PREFIX = ".evalbook-";
    private static final String TEMP_SUFFIX = ".part";

    /** Called once a file is in place and before it is logged: the point where a killed run is hardest to recover. */
    @FunctionalInterface
    interface Checkpoint {
        void placed(Path file) throws IOException;
    }

    private final Path folder;
    private final Checkpoint checkpoint;
    private final Set<String> collected = new HashSet<>();
    private final Map<String, String> savedBySha = new HashMap<>();

    private ReceiptStore(Path folder, Checkpoint checkpoint) {
        this.folder = folder;
        this.checkpoint = checkpoint;
    }

    /** Opens the folder: reads its log and removes what a killed run left half-written. */
    static ReceiptStore open(Path folder, Checkpoint checkpoint) throws IOException {
        Files.createDirectories(folder);
        ReceiptStore store = new ReceiptStore(folder, checkpoint);
        for (ReceiptLog.Receipt receipt : ReceiptLog.read(folder)) {
            store.collected.add(key(receipt.uidValidity(), receipt.uid(), receipt.index()));
            store.savedBySha.putIfAbsent(receipt.sha256(), receipt.savedName());
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        return store;
    }

    boolean collected(long uidValidity, long uid, String index) {
        return collected.contains(key(uidValidity, uid, index));
    }

    /**
     * Saves one attachment under a safe, unique name (or finds it already saved) and logs it.
     *
     * @param note what the log's 说明 says about it ("" for nothing)
     * @return the saved name relative to the folder, and whether this run wrote it
     */
    Saved save(Incoming incoming, String originalName, byte[] content, String note) throws IOException {
        String sha = sha256(content);
        String saved = savedBySha.get(sha);
        boolean written = false;
        if (saved == null) {
            String clean = SafeNames.clean(originalName);
            for (int n = 1; saved == null; n++) {
                String name = n == 1 ? clean : SafeNames.numbered(clean, n);
                Path target = folder.resolve(name);
                if (!Files.exists(target)) {
                    write(target, content);
                    written = true;
                    saved = name;
                } else if (sha256(target).equals(sha)) {
                    saved = name;
                }
            }
            checkpoint.placed(folder.resolve(saved));
        }
        ReceiptLog.Receipt receipt = new ReceiptLog.Receipt(incoming.receivedAt(), incoming.sender(), incoming.subject(),
                incoming.messageId(), incoming.uidValidity(), incoming.uid(), incoming.index(), originalName, saved, sha, note);
        CsvLog.append(folder.resolve(ReceiptLog.FILE_NAME), ReceiptLog.HEADER, receipt.row());
        collected.add(key(incoming.uidValidity(), incoming.uid(), incoming.index()));
        savedBySha.putIfAbsent(sha, saved);
        return new Saved(saved, written);
    }

    /** Where an attachment went. */
    record Saved(String name, boolean written) {
    }

    private void write(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            Files.write(temp, content);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            // The name was checked free just before; one collect at a time writes into a folder.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String key(long uidValidity, long uid, String index) {
        return uidValidity + "/" + uid + "/" + index;
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
