package org.evalbook.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.intake.ProjectContract;
import org.evalbook.intake.RawReturn;
import org.evalbook.intake.ReadReturn;
import org.evalbook.intake.ReturnValues;

/**
 * Checks one received file: interprets what was read, recomputes every rate, score, total and grade with the engine
 * under the return's profile (never trusting the file's formulas or cached values), and runs every rule of checks.md.
 */
public final class ReturnChecker {
    private final Framework framework;
    private final ReturnValues values;
    private final ProjectFramework projectFramework;
    private final ProjectChecker projects;

    /** Checks returns of {@code framework}, and project returns under the bundled project framework. */
    public ReturnChecker(Framework framework) {
        this(framework, ProjectContract.bundled());
    }

    /** Checks returns of {@code framework}, and project returns (项目支出绩效自评表) under {@code project}. */
    public ReturnChecker(Framework framework, ProjectFramework project) {
        this.framework = framework;
        this.values = new ReturnValues(framework);
        this.projectFramework = project;
        this.projects = new ProjectChecker(project);
    }

    /** @param identity what the return's identity is checked against (key, roster row) */
    public CheckResult check(RawReturn raw, Identity identity) {
        if (!raw.readable() || raw.findings().stream().anyMatch(f -> f.code() == FindingCode.F10)) {
            return CheckResult.unread(raw.file(), raw.findings());
        }
        // Verifying the signature is an HMAC: once per return, not for each question asked of it.
        boolean trusted = IdentityChecks.trusted(raw.meta(), identity);
        if (isProject(raw, trusted)) {
            return projects.check(raw, identity);
        }
        ReadReturn read = values.interpret(raw);
        Profile profile = profile(raw, identity, trusted);
        ScoreSheet scores = new Scorer(framework, profile).score(read.values());
        Checked checked = new Checked(framework, profile, read, scores);
        List<Finding> findings = new ArrayList<>(raw.findings());
        findings.addAll(read.findings());
        findings.addAll(isolated(raw, "身份核对", () -> IdentityChecks.run(checked, identity)));
        findings.addAll(isolated(raw, "必填项", () -> RequiredChecks.run(checked)));
        findings.addAll(isolated(raw, "合计核对", () -> SumChecks.run(checked)));
        findings.addAll(isolated(raw, "数据合理性", () -> FieldChecks.run(checked)));
        findings.addAll(isolated(raw, "科目编码", () -> CodeChecks.run(checked)));
        findings.addAll(isolated(raw, "自评得分", () -> ScoreChecks.run(checked)));
        findings.addAll(isolated(raw, "公式核对", () -> FormulaChecks.run(checked)));
        findings.addAll(isolated(raw, "报告文字核对", () -> NarrativeChecks.run(checked)));
        List<Finding> explained = new ArrayList<>(Explanations.apply(checked, cluster(findings, FindingCode.C13, checked.order)));
        explained.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code));
        UnitIdentity unit = UnitIdentity.of(raw, read.values(), trusted);
        return new CheckResult(raw.file(), Optional.of(read), Optional.of(unit), Optional.of(profile.id()), Optional.of(scores), explained);
    }

    /**
     * One family of rules: should it fail on this return (a bug of evalbook's), that family alone is lost — an F14
     * saying which — and every other rule still runs.
     */
    /**
     * A project return: so says a meta that can be trusted (its framework_id); without one, the project sheets the
     * file carries (sheets with a sheet-scoped pj_name).
     */
    private boolean isProject(RawReturn raw, boolean trusted) {
        return trusted ? projectFramework.id().equals(raw.meta().get("framework_id")) : !raw.sheets().isEmpty();
    }

    static List<Finding> isolated(RawReturn raw, String rules, java.util.function.Supplier<List<Finding>> run) {
        try {
            return run.get();
        } catch (RuntimeException | StackOverflowError bug) {
            return List.of(Finding.aboutFile(FindingCode.F14, raw.file(), INTERNAL + "（" + rules + "），这一项没有核对，其他各项照常检查。"
                    + "请把此文件和所用命令报告给开发者。"));
        }
    }

    /** Opens every finding that is evalbook's own failure, not the unit's (the command then exits 3). */
    public static final String INTERNAL = "检查此文件时 evalbook 内部出错";

    /** Several warnings of one code as one finding that lists every cell (checks.md: "not as 30 lines"). */
    static List<Finding> cluster(List<Finding> findings, FindingCode code, ReadingOrder order) {
        List<Finding> same = findings.stream().filter(f -> f.code() == code && f.severity() == Severity.WARNING)
                .sorted(Comparator.comparing((Finding f) -> f.cells().isEmpty() ? "" : f.cells().get(0), order)).toList();
        if (same.size() < 2) {
            return findings;
        }
        List<Finding> clustered = new ArrayList<>(findings);
        clustered.removeAll(same);
        List<String> cells = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Finding f : same) {
            cells.addAll(f.cells());
            String message = f.message();
            int advice = message.lastIndexOf("。请");
            parts.add(advice > 0 ? message.substring(0, advice) : message);
        }
        String advice = same.get(0).message().substring(Math.max(0, same.get(0).message().lastIndexOf("。请") + 1));
        Finding first = same.get(0);
        clustered.add(new Finding(code, Severity.WARNING, first.file(), first.sheet(), order.sorted(cells),
                String.join(",", same.stream().map(Finding::field).toList()), "", "",
                cells.get(0) + " 等 " + same.size() + " 处" + code.title() + "：" + String.join("；", parts) + "。" + advice));
        return clustered;
    }

    /**
     * The profile of a meta whose signature holds; otherwise the roster's (a tampered meta must not choose its own
     * rules), then the meta's, then the default.
     */
    private Profile profile(RawReturn raw, Identity identity, boolean trusted) {
        return IdentityChecks.profile(raw, identity, trusted, framework::profile).orElseGet(() -> framework.profile("default").orElse(framework.profiles().values().iterator().next()));
    }
}
