package org.evalbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import picocli.CommandLine.Option;

/** {@code --framework}: a bundled framework id, or the path of a framework folder (an edited copy). */
final class FrameworkOption {
    @Option(names = "--framework", paramLabel = "ID|DIR", defaultValue = Frameworks.DEFAULT_ID,
            description = "Framework id (bundled) or a framework folder such as workbook-templates/dept-overall. Default: ${DEFAULT-VALUE}.")
    String framework;

    Framework load() {
        Path dir = Path.of(framework);
        return Files.isDirectory(dir) ? Frameworks.load(dir) : Frameworks.bundled(framework);
    }
}
