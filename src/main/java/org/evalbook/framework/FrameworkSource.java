package org.evalbook.framework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a framework's files are read from: a folder on disk, or the copy bundled in the jar. */
interface FrameworkSource {

    /** The file's content, or empty when it does not exist. */
    Optional<InputStream> open(String relativePath) throws IOException;

    /** How to name the framework in messages. */
    String describe();

    static FrameworkSource directory(Path dir) {
        return new FrameworkSource() {
            @Override
            public Optional<InputStream> open(String relativePath) throws IOException {
                try {
                    return Optional.of(Files.newInputStream(dir.resolve(relativePath)));
                } catch (NoSuchFileException absent) {
                    return Optional.empty();
                }
            }

            @Override
            public String describe() {
                return dir.toString();
            }
        };
    }

    static FrameworkSource bundled(String frameworkId) {
        return new FrameworkSource() {
            @Override
            public Optional<InputStream> open(String relativePath) {
                return Optional.ofNullable(Frameworks.class.getResourceAsStream(
                        "/frameworks/" + frameworkId + "/" + relativePath));
            }

            @Override
            public String describe() {
                return "内置框架 " + frameworkId;
            }
        };
    }
}
