package org.evalbook.check;

import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.intake.ReadReturn;

/**
 * One received file, checked.
 *
 * @param read    what was read (absent when the file could not be read as a workbook)
 * @param unit    who the return is from (absent when unreadable)
 * @param profile the profile it was scored under (absent when unreadable)
 * @param scores  the recomputation (absent when unreadable)
 */
public record CheckResult(String file, Optional<ReadReturn> read, Optional<UnitIdentity> unit, Optional<String> profile,
                          Optional<ScoreSheet> scores, List<Finding> findings) {
    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** A file that could not be read or checked: only findings about it. */
    public static CheckResult unread(String file, List<Finding> findings) {
        return new CheckResult(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), findings);
    }

    /** The same result with other findings (one list, for the file as a whole). */
    public CheckResult withFindings(List<Finding> replaced) {
        return new CheckResult(file, read, unit, profile, scores, replaced);
    }
}
