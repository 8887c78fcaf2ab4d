package org.evalbook.check;

import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.evalbook.intake.ReadReturn;

/**
 * One received file, checked.
 *
 * @param read    what was read (absent when the file could not be read as a workbook)
 * @param profile the profile it was scored under (absent when unreadable)
 * @param scores  the recomputation (absent when unreadable)
 */
public record CheckResult(String file, Optional<ReadReturn> read, Optional<String> profile, Optional<ScoreSheet> scores,
                          List<Finding> findings) {
    public CheckResult {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }
}
