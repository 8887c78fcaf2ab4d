package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Copies of a workbook edited at the XML level, for the tests of the streaming reader. */
final class EditedCopies {
    private EditedCopies() {
    }

    /**
     * A copy of {@code source} at {@code file}, every part deflated again at {@code level}, with pairs of (from, to)
     * replaced once each in {@code part} (each {@code from} must be there).
     */
    static Path replaced(Path source, Path file, int level, String part, String... fromTo) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.setLevel(level);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(part)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    for (int i = 0; i < fromTo.length; i += 2) {
                        assertThat(text).as(part).contains(fromTo[i]);
                        text = text.replaceFirst(Pattern.quote(fromTo[i]), Matcher.quoteReplacement(fromTo[i + 1]));
                    }
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return file;
    }
}
