package org.evalbook.report;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.evalbook.check.ReturnForm;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.finding.Figures;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.intake.ProjectContract;
import org.evalbook.intake.Names;

/**
 * The terminal report of {@code evalbook check}, in Chinese: per file the unit, the recomputed total and grade against
 * the self-assessment, then the findings by severity (a code raised per item — C11, C23 — under one headline, one
 * indented line per item); a summary line at the end.
 */
public final class CheckReportText {
    /** Codes raised once per item (a blank field, an indicator): several show as a headline and one indented line each. */
    private static final Set<FindingCode> LISTED = EnumSet.of(FindingCode.C11, FindingCode.C23);

    private CheckReportText() {
    }

    public static void write(PrintWriter out, List<CheckedReturn> results, Framework framework) {
        write(out, results, framework, ProjectContract.bundled());
    }

    /** As {@link #write(PrintWriter, List, Framework)}, project returns named by {@code project}'s profiles. */
    public static void write(PrintWriter out, List<CheckedReturn> results, Framework framework, ProjectFramework project) {
        for (CheckedReturn result : results) {
            file(out, result, framework, project);
        }
        long withErrors = results.stream().filter(CheckedReturn::hasErrors).count();
        long warningsOnly = results.stream().filter(r -> !r.hasErrors() && r.count(Severity.WARNING) > 0).count();
        out.println("共检查 " + results.size() + " 个文件：有错误 " + withErrors + " 个（需退回修改），仅有警告 " + warningsOnly
                + " 个，无问题 " + (results.size() - withErrors - warningsOnly) + " 个。");
        out.flush();
    }

    private static void file(PrintWriter out, CheckedReturn result, Framework framework, ProjectFramework project) {
        out.println("━━ " + result.file() + " ━━");
        UnitSummary unit = UnitSummary.of(result);
        if (result.readable() && result.form() == ReturnForm.PROJECT) {
            projects(out, result, unit, project);
        } else if (result.readable()) {
            out.println("单位：" + Names.escaped(or(unit.unitName(), "（未填单位名称）")) + "（" + Names.escaped(or(unit.unitCode(), "无代码")) + "），"
                    + or(unit.year(), "？") + " 年度，评价方案 " + framework.profile(unit.profile()).map(Profile::name).orElse(unit.profile()));
            out.println("复核：总分 " + unit.recomputedTotal().map(Figures::score).orElse("—") + "，等级 "
                    + unit.recomputedGrade().orElse("—") + "；自评：总分 " + unit.selfTotal().map(Figures::score).orElse("未填")
                    + "，等级 " + Names.escaped(unit.selfGrade().orElse("未填")));
        }
        for (Severity severity : Severity.values()) {
            List<Finding> findings = result.findings().stream().filter(f -> f.severity() == severity).toList();
            if (findings.isEmpty()) {
                continue;
            }
            out.println(severity.label() + " " + findings.size() + " 项：");
            for (int i = 0; i < findings.size(); ) {
                FindingCode code = findings.get(i).code();
                int end = i;
                while (end < findings.size() && findings.get(end).code() == code) {
                    end++;
                }
                if (LISTED.contains(code) && end - i > 1) {
                    out.println("  [" + code + " " + code.title() + "] 共 " + (end - i) + " 项：");
                    findings.subList(i, end).forEach(f -> out.println("      " + text(f)));
                } else {
                    findings.subList(i, end).forEach(f -> out.println("  [" + code + " " + code.title() + "] " + text(f)));
                }
                i = end;
            }
        }
        if (result.findings().isEmpty()) {
            out.println("未发现问题。");
        }
        out.println();
    }

    /** A project return: the unit, then per project sheet its execution rate and recomputed total and grade. */
    private static void projects(PrintWriter out, CheckedReturn result, UnitSummary unit, ProjectFramework project) {
        out.println("单位：" + Names.escaped(or(unit.unitName(), "（未填单位名称）")) + "（" + Names.escaped(or(unit.unitCode(), "无代码")) + "），"
                + or(unit.year(), "？") + " 年度，项目支出绩效自评 " + result.projects().size() + " 个项目，评价方案 "
                + result.projects().stream().findFirst().map(o -> o.score().profile())
                        .map(id -> project.profile(id).map(ProjectProfile::name).orElse(id)).orElse("—"));
        int n = 0;
        for (ProjectOutcome line : result.projects()) {
            out.println("项目 " + ++n + "：" + Names.escaped(line.name()) + "（工作表 " + Names.escaped(line.sheet()) + "）");
            out.println("  复核：预算执行率 " + line.score().executionRate().map(Figures::percent).orElse("无法计算") + "，总分 " + Figures.score(line.score().total())
                    + "，等级 " + line.score().grade() + "；自评：总分 " + line.selfTotal().map(Figures::score).orElse("未填") + "，等级 "
                    + Names.escaped(line.selfGrade().orElse("未填")));
        }
    }

    /** Messages quote what units typed: control characters in them must not drive the clerk's terminal. */
    private static String text(Finding finding) {
        return Names.escaped(finding.message()
                + (finding.explained().isEmpty() ? "" : "（单位已在情况说明中说明：" + finding.explained() + "）"));
    }

    private static String or(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
