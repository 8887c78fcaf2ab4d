package org.evalbook.consolidate;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.evalbook.check.ReturnForm;
import org.evalbook.check.UnitIdentity;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.finding.Finding;
import org.evalbook.intake.ReceiptLog;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.roster.RosterRow;

/**
 * Puts what came back against the roster: matches each readable return to its unit (by the signed meta, else the
 * unit code, else the name — and says which), keeps each unit's newest return of each form (its 部门整体支出 and its
 * project return are two submissions, neither supersedes the other), and gives every file found exactly one
 * {@link FileState} with its reason.
 */
public final class Consolidator {
    private final List<RosterRow> roster;
    private final Optional<LocalDateTime> deadline;
    private final ZoneId zone;
    private final Receipts receipts;
    /** The roster's first row of each code and of each name: a return is matched in constant time. */
    private final Map<String, RosterRow> byCode = new HashMap<>();
    private final Map<String, RosterRow> byName = new HashMap<>();

    /** Receipt times from the receipt log beside each file (mail collection), else the files' modification times. */
    public Consolidator(List<RosterRow> roster, Optional<LocalDateTime> deadline, ZoneId zone) {
        this(roster, deadline, zone, Receipts.beside());
    }

    /** @param receipts the receipt logs under the input folders, for receipt times and senders */
    public Consolidator(List<RosterRow> roster, Optional<LocalDateTime> deadline, ZoneId zone, Receipts receipts) {
        this.roster = List.copyOf(roster);
        this.deadline = deadline;
        this.zone = zone;
        this.receipts = receipts;
        for (RosterRow row : this.roster) {
            byCode.putIfAbsent(row.unitCode(), row);
            byName.putIfAbsent(row.unitName(), row);
        }
    }

    /** @param skipped the files the scan left out on purpose (lock files, hidden files, evalbook's own outputs) */
    public Consolidation consolidate(List<CheckedReturn> returns, List<ReceivedFiles.Skipped> skipped) {
        List<CheckedReturn> ordered = returns.stream().sorted(Comparator.comparingInt(CheckedReturn::order)).toList();
        Map<CheckedReturn, ReceivedFile> files = new LinkedHashMap<>();
        Map<String, List<Candidate>> byUnit = new HashMap<>();
        List<CheckedReturn> unmatched = new ArrayList<>();
        for (CheckedReturn checked : ordered) {
            Optional<LocalDateTime> received = receivedAt(checked);
            Optional<String> refusal = refusal(checked);
            if (refusal.isPresent()) {
                FileState state = isAttachment(checked) ? FileState.IGNORED : FileState.REFUSED;
                files.put(checked, new ReceivedFile(checked.file(), state, refusal.get(), Optional.empty(), received));
                continue;
            }
            Optional<Match> match = match(checked);
            if (match.isEmpty()) {
                unmatched.add(checked);
                String who = checked.unit().map(u -> u.code() + " " + u.name()).orElse("").strip();
                files.put(checked, new ReceivedFile(checked.file(), FileState.UNMATCHED, "名册中没有此单位（" + (who.isEmpty() ? "未填单位" : who)
                        + "）。请核对单位代码，或把此单位补入名册后重新汇总。", checked.unit().map(UnitIdentity::code), received));
                continue;
            }
            byUnit.computeIfAbsent(match.get().row().unitCode(), k -> new ArrayList<>()).add(new Candidate(checked, match.get(), received));
        }
        List<UnitResult> units = new ArrayList<>();
        for (RosterRow row : roster) {
            List<Candidate> candidates = byUnit.getOrDefault(row.unitCode(), List.of());
            Optional<Candidate> department = adopt(row, candidates, ReturnForm.DEPARTMENT, files);
            UnitResult unit = department.map(d -> status(row, d))
                    .orElseGet(() -> new UnitResult(row, UnitStatus.MISSING, Optional.empty(), OptionalLong.empty(), Optional.empty(), ""));
            Optional<Candidate> project = adopt(row, candidates, ReturnForm.PROJECT, files);
            units.add(project.map(p -> unit.withProject(fromRosterAddress(p.checked(), row))).orElse(unit));
        }
        List<ReceivedFile> all = new ArrayList<>();
        for (CheckedReturn checked : ordered) {
            all.add(files.get(checked));
        }
        skipped.forEach(s -> all.add(new ReceivedFile(s.name(), FileState.IGNORED, s.reason(), Optional.empty(), Optional.empty())));
        return new Consolidation(deadline, units, all, unmatched);
    }

    /**
     * The newest of a unit's returns of one form, marked 已采用, the others of that form 被替代 by it. A unit's
     * 部门整体支出 and project returns are separate submissions: one never supersedes the other.
     */
    private static Optional<Candidate> adopt(RosterRow row, List<Candidate> candidates, ReturnForm form,
                                             Map<CheckedReturn, ReceivedFile> files) {
        List<Candidate> newestFirst = new ArrayList<>(candidates.stream().filter(c -> c.checked().form() == form).toList());
        if (newestFirst.isEmpty()) {
            return Optional.empty();
        }
        newestFirst.sort(NEWEST_FIRST);
        Candidate adopted = newestFirst.get(0);
        files.put(adopted.checked(), new ReceivedFile(adopted.checked().file(), FileState.ADOPTED, adopted.match().how(),
                Optional.of(row.unitCode()), adopted.received()));
        for (Candidate older : newestFirst.subList(1, newestFirst.size())) {
            boolean identical = older.checked().sha256().equals(adopted.checked().sha256());
            files.put(older.checked(), new ReceivedFile(older.checked().file(), FileState.SUPERSEDED, (identical
                    ? "与“" + adopted.checked().file() + "”内容完全相同" : "同一单位另有较新的一份：“" + adopted.checked().file() + "”")
                    + "，以较新的一份为准。", Optional.of(row.unitCode()), older.received()));
        }
        return Optional.of(adopted);
    }

    private UnitResult status(RosterRow row, Candidate chosen) {
        Candidate adopted = new Candidate(fromRosterAddress(chosen.checked(), row), chosen.match(), chosen.received());
        if (deadline.isEmpty() || adopted.received().isEmpty()) {
            return new UnitResult(row, UnitStatus.RETURNED, adopted.received(), OptionalLong.empty(), Optional.of(adopted.checked()),
                    adopted.match().how());
        }
        LocalDateTime received = adopted.received().get();
        if (!received.isAfter(deadline.get())) {
            return new UnitResult(row, UnitStatus.ON_TIME, adopted.received(), OptionalLong.empty(), Optional.of(adopted.checked()),
                    adopted.match().how());
        }
        // A started day counts: one minute late is one day late.
        long minutes = Duration.between(deadline.get(), received).toMinutes();
        long days = Math.max(1, (minutes + 24 * 60 - 1) / (24 * 60));
        return new UnitResult(row, UnitStatus.LATE, adopted.received(), OptionalLong.of(days), Optional.of(adopted.checked()),
                adopted.match().how());
    }

    /** Why a file is not a usable return, or empty when it is one. */
    private static Optional<String> refusal(CheckedReturn checked) {
        if (checked.readable() && checked.findings().stream().noneMatch(f -> f.code() == FindingCode.F10)) {
            return Optional.empty();
        }
        return checked.findings().stream().filter(f -> f.code().name().startsWith("F") && f.code() != FindingCode.F17)
                .findFirst().or(() -> checked.findings().stream().findFirst())
                .map(f -> "[" + f.code() + " " + f.code().title() + "] " + f.message()).or(() -> Optional.of("无法作为填报表读取。"));
    }

    private static boolean isAttachment(CheckedReturn checked) {
        return checked.findings().stream().anyMatch(f -> f.code() == FindingCode.F15)
                && checked.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** How a return was matched to a roster unit. */
    private record Match(RosterRow row, String how) {
    }

    private record Candidate(CheckedReturn checked, Match match, Optional<LocalDateTime> received) {
    }

    private Optional<Match> match(CheckedReturn checked) {
        if (checked.unit().isEmpty()) {
            return Optional.empty();
        }
        UnitIdentity unit = checked.unit().get();
        RosterRow coded = byCode.get(unit.code());
        if (coded != null) {
            return Optional.of(new Match(coded, unit.signed() ? "按签名的下发信息匹配" : "签名无法验证，按单位代码匹配"));
        }
        return Optional.ofNullable(unit.name().isBlank() ? null : byName.get(unit.name()))
                .map(r -> new Match(r, "单位代码“" + unit.code() + "”不在名册中，按单位名称匹配"));
    }

    /** Newest receipt first; ties by 填报日期 (newest first), then by name. */
    private static final Comparator<Candidate> NEWEST_FIRST = Comparator
            .comparing((Candidate c) -> c.received().orElse(LocalDateTime.MIN), Comparator.reverseOrder())
            .thenComparing(c -> c.checked().text("fill_date").orElse(""), Comparator.reverseOrder())
            .thenComparing(c -> c.checked().file());

    /** The return with an M01 warning when the receipt log says it came from another address than the unit's. */
    private CheckedReturn fromRosterAddress(CheckedReturn checked, RosterRow row) {
        Optional<String> sender = receipts.of(checked.path()).map(ReceiptLog.Receipt::sender).filter(s -> !s.isBlank());
        if (sender.isEmpty() || sender.get().equalsIgnoreCase(row.email().strip())) {
            return checked;
        }
        List<Finding> findings = new ArrayList<>(checked.findings());
        findings.add(new Finding(FindingCode.M01, FindingCode.M01.severity(), checked.file(), "", List.of(), "unit_code",
                row.email(), sender.get(), "收件记录显示此文件由 " + sender.get() + " 发来，不是名册中" + row.unitName() + "的邮箱 "
                + row.email() + "。请与该单位核实是否由其报送；如单位更换了邮箱，请更新名册。"));
        return checked.withFindings(findings);
    }

    private Optional<LocalDateTime> receivedAt(CheckedReturn checked) {
        Optional<LocalDateTime> logged = receipts.time(checked.path(), zone);
        if (logged.isPresent()) {
            return logged;
        }
        try {
            return Optional.of(LocalDateTime.ofInstant(Files.getLastModifiedTime(checked.path()).toInstant(), zone));
        } catch (IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
