package org.evalbook.check;

import java.util.ArrayList;
import java.util.List;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.ProfileEntry;
import org.evalbook.framework.TableDef;

/**
 * C11: required fields left blank (a blank is never zero), one finding per field — so the JSON, 问题清单 and 审核意见书
 * list one blank per line and the terminal shows them under one headline.
 */
final class RequiredChecks {
    private RequiredChecks() {
    }

    static List<Finding> run(Checked c) {
        List<Finding> findings = new ArrayList<>();
        List<String> base = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (FieldDef field : c.framework.fields()) {
            if (!field.required() || isFilled(c, field.id()) || field.isSelfAssessment()) {
                continue;
            }
            (field.isReport() ? report : base).add(field.id());
        }
        for (String id : base) {
            boolean numeric = c.index().field(id).filter(f -> f.type().isNumeric()).isPresent();
            add(c, findings, id, "基础数据必填项为空", numeric ? "请补填；数额确实为零的请填 0，不要留空。" : "请补填。");
        }
        for (TableDef table : c.framework.tables()) {
            if (table.required() && c.read.values().rows(table.id()).isEmpty()) {
                findings.add(c.finding(FindingCode.C11, Severity.ERROR, List.of(table.columns().get(0).id()), "至少一行", "空",
                        "“" + table.label() + "”一行也没有填写。请至少填写一行。"));
            }
        }
        List<String> self = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (ProfileEntry entry : c.profile.entries()) {
            var indicator = entry.indicator();
            if (!isFilled(c, indicator.selfName())) {
                self.add(indicator.selfName());
            }
            if (indicator.kind() == org.evalbook.framework.IndicatorKind.JUDGEMENT && !isFilled(c, indicator.levelName())) {
                answers.add(indicator.levelName());
            }
            for (int n = 1; n <= indicator.items().size(); n++) {
                if (!isFilled(c, indicator.checkName(n))) {
                    answers.add(indicator.checkName(n));
                }
            }
        }
        boolean noTotal = !isFilled(c, "self_total");
        if (noTotal) {
            self.add("self_total");
        }
        if (!isFilled(c, "self_grade")) {
            self.add("self_grade");
        }
        String grade = c.text("self_grade").filter(g -> noTotal).map(g -> "自评等级填了“" + g + "”，却没有自评总分。").orElse("");
        self.forEach(id -> add(c, findings, id, "自评得分为空", (id.equals("self_total") ? grade : "") + "请填写。"));
        answers.forEach(id -> add(c, findings, id, "核查项或达成档次未选择", "请选择“是/否”或达成档次（达成、部分达成、未达成）。"));
        report.forEach(id -> add(c, findings, id, "自评报告必填章节为空", "请按提纲补写这一章节。"));
        return findings;
    }

    private static boolean isFilled(Checked c, String id) {
        return c.number(id).isPresent() || c.text(id).filter(t -> !t.isBlank()).isPresent();
    }

    private static void add(Checked c, List<Finding> findings, String id, String what, String todo) {
        findings.add(c.finding(FindingCode.C11, Severity.ERROR, List.of(id), "必填", "空", what + "：" + c.label(id) + "。" + todo));
    }
}
