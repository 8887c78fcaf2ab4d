package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden text files in {@code src/test/resources/golden}. Run with {@code -Devalbook.updateGolden=true} to rewrite
 * them after a deliberate change, then read the diff before committing it.
 */
final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static void assertMatches(String file, String actual) throws IOException {
        Path golden = DIR.resolve(file);
        if (Boolean.getBoolean("evalbook.updateGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file " + golden + " (create it with -Devalbook.updateGolden=true)").exists();
        assertThat(actual).as("against " + golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
