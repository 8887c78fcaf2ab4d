package org.evalbook.check;

import java.nio.file.Path;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.framework.Framework;
import org.evalbook.intake.WorkbookReader;
import org.evalbook.template.ConsistentReturn;

/** Reads and checks one file in-process (the isolation has its own tests), as the demo key's samples. */
final class Checks {
    static final Framework FRAMEWORK = ConsistentReturn.FRAMEWORK;

    private Checks() {
    }

    static CheckResult of(Path file) {
        return new ReturnChecker(FRAMEWORK).check(new WorkbookReader(FRAMEWORK).read(file), Identity.DEMO);
    }

    static List<String> codes(CheckResult result) {
        return result.findings().stream().map(f -> f.code().name()).distinct().toList();
    }

    static String describe(CheckResult result) {
        StringBuilder text = new StringBuilder();
        for (Finding f : result.findings()) {
            text.append(f.code()).append(' ').append(f.severity()).append(' ').append(f.field()).append(' ').append(f.message()).append('\n');
        }
        return text.toString();
    }
}
