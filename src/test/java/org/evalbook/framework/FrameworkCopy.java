package org.evalbook.framework;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the shipped framework folder that a test edits as a bureau would, with a text editor. */
final class FrameworkCopy {
    static final Path SHIPPED = Path.of("workbook-templates", Frameworks.DEFAULT_ID);

    private final Path dir;

    private FrameworkCopy(Path dir) {
        this.dir = dir;
    }

    static FrameworkCopy of(Path parent) {
        return of(parent, Frameworks.DEFAULT_ID);
    }

    /** A copy of the shipped framework {@code frameworkId}. */
    static FrameworkCopy of(Path parent, String frameworkId) {
        Path dir = parent.resolve(frameworkId);
        Path shipped = Path.of("workbook-templates", frameworkId);
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path source : files.toList()) {
                Path target = dir.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FrameworkCopy(dir);
    }

    /** Replaces the one occurrence of {@code from} in {@code file}; fails when it is not there exactly once. */
    FrameworkCopy edit(String file, String from, String to) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            if (at < 0 || text.indexOf(from, at + 1) >= 0) {
                throw new IllegalStateException("expected exactly one \"" + from + "\" in " + file);
            }
            Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Framework load() {
        return Frameworks.load(dir);
    }

    AnyFramework loadAny() {
        return Frameworks.loadAny(dir);
    }
}
