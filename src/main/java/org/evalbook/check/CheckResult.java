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
 * @param scores  the 部门整体支出 recomputation (absent when unreadable, and for a project return)
 * @param form     which form the return is (a file that could not be read counts as the 部门整体支出 workbook)
 * @param projects a project return's sheets, in the workbook's order (empty for the 部门整体支出 workbook)
 */
public record CheckResult(String file, Optional<ReadReturn> read, Optional<UnitIdentity> unit, Optional<String> profile,
                          Optional<ScoreSheet> scores, List<Finding> findings, ReturnForm form, List<ProjectOutcome> projects) {
    public CheckResult {
        findings = List.copyOf(findings);
        projects = List.copyOf(projects);
    }

    /** A 部门整体支出 return. */
    public CheckResult(String file, Optional<ReadReturn> read, Optional<UnitIdentity> unit, Optional<String> profile,
                       Optional<ScoreSheet> scores, List<Finding> findings) {
        this(file, read, unit, profile, scores, findings, ReturnForm.DEPARTMENT, List.of());
    }

    /** A file that could not be read or checked: only findings about it. */
    public static CheckResult unread(String file, List<Finding> findings) {
        return new CheckResult(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), findings);
    }

    /** The same result with other findings (one list, for the file as a whole). */
    public CheckResult withFindings(List<Finding> replaced) {
        return new CheckResult(file, read, unit, profile, scores, replaced, form, projects);
    }
}
