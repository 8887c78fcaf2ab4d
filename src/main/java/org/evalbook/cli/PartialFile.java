package org.evalbook.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through {@code <name>.partial} beside it, moved into place only once complete: a failure halfway never
 * leaves a truncated workbook under the real name for someone to mail out, and the partial file is removed.
 */
final class PartialFile {
    /** What goes into the file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private PartialFile() {
    }

    static void write(Path target, Content content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failed) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                failed.addSuppressed(cleanup);
            }
            throw failed;
        }
    }
}
