package org.evalbook.report;

import org.evalbook.framework.Decimals;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.evalbook.intake.Names;

/**
 * The terminal report of {@code evalbook check}, in Chinese: per file the unit, the recomputed total and grade against
 * the self-assessment, then the findings by severity; a summary line at the end.
 */
public final class CheckReportText {
    private CheckReportText() {
    }

    public static void write(PrintWriter out, List<CheckedReturn> results) {
        for (CheckedReturn result : results) {
            file(out, result);
        }
        long withErrors = results.stream().filter(CheckedReturn::hasErrors).count();
        long warningsOnly = results.stream().filter(r -> !r.hasErrors() && r.count(Severity.WARNING) > 0).count();
        out.println("共检查 " + results.size() + " 个文件：有错误 " + withErrors + " 个（需退回修改），仅有警告 " + warningsOnly
                + " 个，无问题 " + (results.size() - withErrors - warningsOnly) + " 个。");
        out.flush();
    }

    private static void file(PrintWriter out, CheckedReturn result) {
        out.println("━━ " + result.file() + " ━━");
        UnitSummary unit = UnitSummary.of(result);
        if (result.readable()) {
            out.println("单位：" + Names.escaped(or(unit.unitName(), "（未填单位名称）")) + "（" + Names.escaped(or(unit.unitCode(), "无代码")) + "），"
                    + or(unit.year(), "？") + " 年度，评价方案 " + unit.profile());
            out.println("复核：总分 " + unit.recomputedTotal().map(BigDecimal::toPlainString).orElse("—") + "，等级 "
                    + unit.recomputedGrade().orElse("—") + "；自评：总分 " + unit.selfTotal().map(Decimals::plain).orElse("未填")
                    + "，等级 " + Names.escaped(unit.selfGrade().orElse("未填")));
        }
        for (Severity severity : Severity.values()) {
            List<Finding> findings = result.findings().stream().filter(f -> f.severity() == severity).toList();
            if (findings.isEmpty()) {
                continue;
            }
            out.println(severity.label() + " " + findings.size() + " 项：");
            for (Finding finding : findings) {
                // Messages quote what units typed: control characters in it must not drive the clerk's terminal.
                out.println("  [" + finding.code() + " " + finding.code().title() + "] " + Names.escaped(finding.message()
                        + (finding.explained().isEmpty() ? "" : "（单位已在情况说明中说明：" + finding.explained() + "）")));
            }
        }
        if (result.findings().isEmpty()) {
            out.println("未发现问题。");
        }
        out.println();
    }

    private static String or(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
