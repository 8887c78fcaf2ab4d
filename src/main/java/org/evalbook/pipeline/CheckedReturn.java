package org.evalbook.pipeline;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.check.CheckResult;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.check.ReturnForm;
import org.evalbook.check.ScoreSheet;
import org.evalbook.check.UnitIdentity;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.Framework;

/**
 * One received file after checking: everything the reports and the consolidation need, and nothing of the workbook
 * itself — no cells, no POI types, no report text — so that thousands of them fit in memory at once.
 *
 * @param order   the file's place in the scan (results arrive in the order workers finish)
 * @param file    the name it is shown under (relative to the folder given, escaped)
 * @param path    where the file is
 * @param format  xlsx, xlsm or xls; "" when it could not be read as a workbook
 * @param sha256  the file's content digest ("" when it could not be read), to tell identical copies apart
 * @param unit    who it is from (absent when unreadable)
 * @param scores  the recomputation under its profile (absent when unreadable)
 * @param figures the unit's scalar numbers by field id (万元, fractions for rates, self-scores): blank fields are absent
 * @param texts   the unit's short scalar texts by field id (names, choices, dates; not the report sections)
 * @param findings every finding, sorted by severity and code
 * @param form     which form the return is: a unit's 部门整体支出 and project returns are separate submissions
 * @param projects a project return's sheets, recomputed (empty for the 部门整体支出 workbook)
 */
public record CheckedReturn(int order, String file, Path path, String format, String sha256, Optional<UnitIdentity> unit,
                            Optional<ScoreSheet> scores, Map<String, BigDecimal> figures, Map<String, String> texts,
                            List<Finding> findings, ReturnForm form, List<ProjectOutcome> projects) {
    public CheckedReturn {
        figures = Map.copyOf(figures);
        texts = Map.copyOf(texts);
        findings = List.copyOf(findings);
        projects = List.copyOf(projects);
    }

    /** A 部门整体支出 return. */
    public CheckedReturn(int order, String file, Path path, String format, String sha256, Optional<UnitIdentity> unit,
                         Optional<ScoreSheet> scores, Map<String, BigDecimal> figures, Map<String, String> texts,
                         List<Finding> findings) {
        this(order, file, path, format, sha256, unit, scores, figures, texts, findings, ReturnForm.DEPARTMENT, List.of());
    }

    /** What downstream keeps of a check result: the read workbook itself is dropped here. */
    static CheckedReturn of(int order, Path path, String sha256, CheckResult result, Framework framework) {
        Map<String, BigDecimal> figures = result.read().map(r -> r.values().numbers()).orElse(Map.of());
        Map<String, String> texts = new java.util.HashMap<>();
        result.read().ifPresent(r -> r.values().texts().forEach((id, text) -> {
            boolean longText = framework.field(id).map(f -> f.type() == FieldType.LONGTEXT).orElse(false);
            if (!longText) {
                texts.put(id, text);
            }
        }));
        return new CheckedReturn(order, result.file(), path, result.read().map(r -> r.raw().format()).orElse(""), sha256,
                result.unit(), result.scores(), figures, texts, result.findings(), result.form(), result.projects());
    }

    public boolean readable() {
        return !format.isEmpty();
    }

    public Optional<BigDecimal> figure(String id) {
        return Optional.ofNullable(figures.get(id));
    }

    public Optional<String> text(String id) {
        return Optional.ofNullable(texts.get(id));
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** The same return with other findings (C25 added once the whole batch is known, M01 by the consolidation). */
    public CheckedReturn withFindings(List<Finding> replaced) {
        return new CheckedReturn(order, file, path, format, sha256, unit, scores, figures, texts, replaced, form, projects);
    }

    /** The same return with other figures (a kept copy given back all of them, for 指标得分). */
    public CheckedReturn withFigures(Map<String, BigDecimal> replaced) {
        return new CheckedReturn(order, file, path, format, sha256, unit, scores, replaced, texts, findings, form, projects);
    }
}
