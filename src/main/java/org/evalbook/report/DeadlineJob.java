package org.evalbook.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.Consolidator;
import org.evalbook.framework.Framework;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.roster.RosterRow;

/**
 * The deadline job, end to end: every file found is checked (streamed, one small record each), the returns are put
 * against the roster, and the bureau's workbook is written with its 综述. {@code consolidate} and {@code demo} run it.
 */
public final class DeadlineJob {
    /** What the job produced, for the command to report. */
    public record Result(Consolidation consolidation, CheckRun.Summary summary, List<CheckedReturn> returns) {
    }

    private DeadlineJob() {
    }

    /** The job without last year's workbook: 汇总 has no 上年得分, the 综述 no comparison. */
    public static Result run(CheckRun run, ReceivedFiles.Scan scan, List<RosterRow> roster, Optional<LocalDateTime> deadline,
                             Framework framework, String bureau, Path out, Runnable progress) throws InterruptedException, IOException {
        return run(run, scan, roster, deadline, framework, bureau, Optional.empty(), out, progress);
    }

    /**
     * @param previous last year's totals ({@code --previous}), read before the job starts so a wrong file stops it at once
     * @param progress told once per file as soon as it is checked
     */
    public static Result run(CheckRun run, ReceivedFiles.Scan scan, List<RosterRow> roster, Optional<LocalDateTime> deadline,
                             Framework framework, String bureau, Optional<PreviousScores> previous, Path out, Runnable progress)
            throws InterruptedException, IOException {
        List<CheckedReturn> returns = new ArrayList<>();
        Consumer<CheckedReturn> sink = checked -> {
            returns.add(checked);
            progress.run();
        };
        CheckRun.Summary summary = run.run(scan, sink);
        try {
            returns.sort(java.util.Comparator.comparingInt(CheckedReturn::order));
            Consolidation consolidation = new Consolidator(roster, deadline, ZoneId.systemDefault()).consolidate(returns, summary.skipped());
            String narrative = SummaryNarrative.render(ConsolidationFacts.of(consolidation, framework, bureau, previous));
            ConsolidatedWorkbook.write(out, consolidation, framework, narrative, previous);
            return new Result(consolidation, summary.publish(accepted(consolidation)), returns);
        } finally {
            summary.discardHeld();
        }
    }

    /**
     * The returns the bureau acts on: each unit's accepted (已采用) one. Only their annotated copies are kept (the run
     * copied only returns with errors); superseded and unmatched returns are not sent back for 退回修改.
     */
    private static List<CheckedReturn> accepted(Consolidation consolidation) {
        return consolidation.units().stream().flatMap(unit -> unit.adopted().stream()).toList();
    }

    /** "收到文件 9 个 = 已采用 3 + 被替代 2 + …", then the units by status: what the terminal prints. */
    public static List<String> lines(Consolidation consolidation) {
        java.util.Map<org.evalbook.consolidate.FileState, Long> counts = consolidation.counts();
        long received = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder equation = new StringBuilder("收到文件 " + received + " 个 =");
        for (org.evalbook.consolidate.FileState state : org.evalbook.consolidate.FileState.values()) {
            equation.append(state == org.evalbook.consolidate.FileState.ADOPTED ? " " : " + ").append(state.label()).append(' ')
                    .append(counts.get(state));
        }
        StringBuilder units = new StringBuilder("名册单位 " + consolidation.units().size() + " 家：");
        List<String> parts = new ArrayList<>();
        for (org.evalbook.consolidate.UnitStatus status : org.evalbook.consolidate.UnitStatus.values()) {
            long count = consolidation.count(status);
            if (count > 0 || status == org.evalbook.consolidate.UnitStatus.MISSING) {
                parts.add(status.label() + " " + count);
            }
        }
        units.append(String.join("，", parts)).append("。");
        return List.of(equation.toString(), units.toString());
    }
}
