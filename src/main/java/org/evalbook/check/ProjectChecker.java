package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.intake.ProjectSheet;
import org.evalbook.intake.ProjectValues;
import org.evalbook.intake.RawReturn;
import org.evalbook.intake.ReadReturn;

/**
 * Checks a project return (项目支出绩效自评表): the unit's identity and fields once per file, then each project sheet
 * on its own — read, recomputed under the return's profile, and held to the rules of {@link ProjectSheetChecks} and
 * {@link IndicatorChecks}. A family of rules that fails on a sheet is lost for that sheet alone (F14).
 */
final class ProjectChecker {
    private final ProjectFramework framework;
    private final ProjectValues values;

    ProjectChecker(ProjectFramework framework) {
        this.framework = framework;
        this.values = new ProjectValues(framework);
    }

    CheckResult check(RawReturn raw, Identity identity) {
        ReadReturn unit = values.unit(raw);
        ProjectProfile profile = profile(raw, identity);
        List<Finding> findings = new ArrayList<>(raw.findings());
        findings.addAll(unit.findings());
        IdentityChecks.Subject subject = subject(unit, profile);
        findings.addAll(ReturnChecker.isolated(raw, "身份核对", () -> IdentityChecks.run(subject, identity)));
        findings.addAll(ReturnChecker.isolated(raw, "必填项", () -> unitRequired(unit, subject)));
        if (raw.sheets().isEmpty()) {
            findings.add(Finding.aboutFile(FindingCode.C11, raw.file(), "文件中没有项目工作表（带“项目名称”等定义名称的工作表）。"
                    + "请在下发的项目支出绩效自评表中填写，新增项目请复制项目工作表。"));
        }
        List<ProjectOutcome> outcomes = new ArrayList<>();
        for (String name : raw.sheets().keySet()) {
            Optional<ProjectChecked> checked = read(raw, name, profile, findings);
            if (checked.isEmpty()) {
                continue;
            }
            ProjectChecked c = checked.get();
            findings.addAll(c.sheet.findings());
            String sheet = "项目工作表“" + name + "”的";
            findings.addAll(ReturnChecker.isolated(raw, sheet + "必填项", () -> ProjectSheetChecks.required(c)));
            findings.addAll(ReturnChecker.isolated(raw, sheet + "资金合计", () -> ProjectSheetChecks.funds(c)));
            findings.addAll(ReturnChecker.isolated(raw, sheet + "预算执行率", () -> ProjectSheetChecks.execution(c)));
            findings.addAll(ReturnChecker.isolated(raw, sheet + "选项", () -> IndicatorChecks.choices(c)));
            findings.addAll(ReturnChecker.isolated(raw, sheet + "指标分值", () -> IndicatorChecks.weights(c)));
            findings.addAll(ReturnChecker.isolated(raw, sheet + "自评得分", () -> IndicatorChecks.scores(c)));
            findings.addAll(ReturnChecker.isolated(raw, sheet + "公式核对", () -> ProjectSheetChecks.formulas(c)));
            outcomes.add(new ProjectOutcome(name, c.sheet.values(), c.sheet.sources(), c.score, c.number("pj_self_total"), c.text("pj_self_grade")));
        }
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code));
        UnitIdentity who = UnitIdentity.of(raw, unit.values(), IdentityChecks.trusted(raw.meta(), identity));
        return new CheckResult(raw.file(), Optional.of(unit), Optional.of(who), Optional.of(profile.id()), Optional.empty(), findings,
                ReturnForm.PROJECT, outcomes);
    }

    /** The sheet read and recomputed; empty (with an F14) when evalbook fails on it. */
    private Optional<ProjectChecked> read(RawReturn raw, String name, ProjectProfile profile, List<Finding> findings) {
        try {
            ProjectSheet sheet = values.sheet(raw, name);
            return Optional.of(new ProjectChecked(framework, profile, raw.file(), sheet, new ProjectScorer(framework, profile).score(sheet.values())));
        } catch (RuntimeException | StackOverflowError bug) {
            findings.add(Finding.aboutFile(FindingCode.F14, raw.file(), ReturnChecker.INTERNAL + "（项目工作表“" + name
                    + "”），这张工作表没有核对，其他各项照常检查。请把此文件和所用命令报告给开发者。"));
            return Optional.empty();
        }
    }

    /** C11 on the unit's required fields, once per file (a value that could not be read has its own finding). */
    private List<Finding> unitRequired(ReadReturn unit, IdentityChecks.Subject subject) {
        List<Finding> findings = new ArrayList<>();
        for (FieldDef field : framework.unitFields()) {
            boolean blank = unit.values().number(field.id()).isEmpty() && unit.values().text(field.id()).filter(t -> !t.isBlank()).isEmpty();
            boolean unreadable = unit.findings().stream().anyMatch(f -> f.field().equals(field.id()));
            if (field.required() && blank && !unreadable) {
                findings.add(subject.finding(FindingCode.C11, Severity.ERROR, List.of(field.id()), "必填", "空", field.label() + " 为空。请填写。"));
            }
        }
        return findings;
    }

    /** The signed meta's profile when it can be trusted, else the roster's, then the meta's, then the default. */
    private ProjectProfile profile(RawReturn raw, Identity identity) {
        return IdentityChecks.profile(raw, identity, framework::profile).orElseGet(() -> framework.profileOrDefault("default"));
    }

    private IdentityChecks.Subject subject(ReadReturn unit, ProjectProfile profile) {
        Map<String, String> labels = new java.util.HashMap<>();
        framework.unitFields().forEach(f -> labels.put(f.id(), f.label()));
        return new IdentityChecks.Subject() {
            @Override
            public ReadReturn read() {
                return unit;
            }

            @Override
            public String frameworkId() {
                return framework.id();
            }

            @Override
            public String frameworkVersion() {
                return framework.version();
            }

            @Override
            public boolean rulesChanged() {
                return false;
            }

            @Override
            public String profileId() {
                return profile.id();
            }

            @Override
            public String label(String id) {
                return labels.getOrDefault(id, id);
            }

            @Override
            public Optional<String> text(String id) {
                return unit.values().text(id);
            }

            @Override
            public Optional<BigDecimal> number(String id) {
                return unit.values().number(id);
            }

            @Override
            public Finding finding(FindingCode code, Severity severity, List<String> ids, String expected, String actual, String message) {
                List<String> cells = ids.stream().map(unit::where).flatMap(Optional::stream).toList();
                String sheet = cells.isEmpty() ? "" : cells.get(0).substring(0, cells.get(0).lastIndexOf('!'));
                return new Finding(code, severity, unit.file(), sheet, cells, String.join(",", ids), expected, actual,
                        (cells.isEmpty() ? "" : cells.get(0) + " ") + message);
            }
        };
    }

}
