package org.evalbook.intake;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The parts a worker has parsed without a problem, by the bytes stored in the zip. A part stored byte for byte the
 * same — same compression method, sizes, checksum and compressed bytes — inflates to the same XML and parses the same
 * way, so when its content is not needed (a sheet no name points to) its outcome is known without parsing it again.
 * Returns filled by a program that leaves the sheets it does not touch as issued (a script filling the defined names,
 * say) carry the same 工作底稿 and 填报说明 as every other return of their profile; a return saved again by Excel or
 * WPS has its own bytes and is parsed in full.
 *
 * <p>Where the content is needed, and the same in every return of a profile so filled (the workbook's defined names,
 * its styles), what the part parsed into is kept too, a few dozen at most, and handed out for the same bytes.
 */
final class CleanParts {
    /** Far more than the distinct issued sheets of a batch; past it the memory starts again from empty. */
    private static final int MOST = 1_024;

    /** A stored part's identity: what the zip declares about it and a digest of its compressed bytes. */
    record Print(int method, long size, long compressedSize, long crc, String sha256) {
    }

    /** Far more than the distinct parts whose content is kept (a workbook's names and styles, one per profile). */
    private static final int MOST_PARSED = 64;

    private final Set<Print> clean = ConcurrentHashMap.newKeySet();
    private final Map<Key, Object> parsed = new ConcurrentHashMap<>();

    /** What a part parsed into, by its bytes and by what it was parsed into (the same bytes may be read two ways). */
    private record Key(Print print, Class<?> kind) {
    }

    /** The print of {@code entry}, read from its compressed bytes (bounded by the size the zip's directory gives). */
    static Print of(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
        try (InputStream raw = zip.getRawInputStream(entry)) {
            if (raw == null) {
                throw new IOException("no data for " + entry.getName());
            }
            byte[] buffer = new byte[8192];
            for (int n = raw.read(buffer); n >= 0; n = raw.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return new Print(entry.getMethod(), entry.getSize(), entry.getCompressedSize(), entry.getCrc(),
                HexFormat.of().formatHex(digest.digest()));
    }

    boolean known(Print print) {
        return clean.contains(print);
    }

    /** Remembers a part that parsed without a problem. */
    void remember(Print print) {
        if (clean.size() >= MOST) {
            clean.clear();
        }
        clean.add(print);
    }

    /** What a part stored as {@code print} parsed into before, as a {@code kind}; empty when it was not remembered. */
    <T> Optional<T> parsed(Print print, Class<T> kind) {
        return Optional.ofNullable(parsed.get(new Key(print, kind))).map(kind::cast);
    }

    /**
     * Remembers what a part parsed into without a problem. It is handed out again for the same stored bytes, so it
     * must not be changed after this.
     */
    void remember(Print print, Object outcome) {
        if (parsed.size() >= MOST_PARSED) {
            parsed.clear();
        }
        parsed.put(new Key(print, outcome.getClass()), outcome);
    }
}
