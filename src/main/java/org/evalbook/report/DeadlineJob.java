package org.evalbook.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.Consolidator;
import org.evalbook.consolidate.Receipts;
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
    public record Result(Consolidation consolidation, CheckRun.Summary summary) {
    }

    private DeadlineJob() {
    }

    /** The job without last year's workbook: 汇总 has no 上年得分, the 综述 no comparison. */
    public static Result run(CheckRun run, ReceivedFiles.Scan scan, List<RosterRow> roster, Optional<LocalDateTime> deadline,
                             Framework framework, String bureau, Path out, Runnable progress) throws InterruptedException, IOException {
        return run(run, scan, roster, deadline, framework, bureau, Optional.empty(), out, progress);
    }

    /**
     * The whole job over files handed over without input folders: each file's receipt log is the one beside it.
     *
     * @param previous last year's totals ({@code --previous}), read before the job starts so a wrong file stops it at once
     * @param progress told once per file as soon as it is checked
     */
    public static Result run(CheckRun run, ReceivedFiles.Scan scan, List<RosterRow> roster, Optional<LocalDateTime> deadline,
                             Framework framework, String bureau, Optional<PreviousScores> previous, Path out, Runnable progress)
            throws InterruptedException, IOException {
        try (Consolidated job = consolidate(run, scan, Receipts.beside(), roster, deadline, progress)) {
            return job.write(out, framework, bureau, previous);
        }
    }

    /**
     * Checks every file found and puts the returns against the roster — what {@code consolidate} and {@code remind}
     * share. Each return's details go to a temporary file as it arrives; only what the units are compared by stays in
     * memory. Close the result (which deletes that file) however the job ends.
     *
     * @param receipts the receipt logs under the input folders, for receipt times and senders
     * @param progress told once per file as soon as it is checked
     */
    public static Consolidated consolidate(CheckRun run, ReceivedFiles.Scan scan, Receipts receipts, List<RosterRow> roster,
                                           Optional<LocalDateTime> deadline, Runnable progress) throws InterruptedException, IOException {
        ReturnSpill spill = ReturnSpill.create();
        try {
            List<CheckedReturn> kept = new ArrayList<>();
            CheckRun.Summary summary = run.run(scan, checked -> {
                kept.add(spill.keep(checked));
                progress.run();
            });
            try {
                kept.sort(Comparator.comparingInt(CheckedReturn::order));
                Consolidation consolidation = new Consolidator(roster, deadline, ZoneId.systemDefault(), receipts).consolidate(kept, summary.skipped());
                return new Consolidated(consolidation, summary, kept, spill);
            } catch (RuntimeException e) {
                summary.discardHeld();
                throw e;
            }
        } catch (InterruptedException | RuntimeException e) {
            spill.close();
            throw e;
        }
    }

    /** The returns put against the roster, their details held in a temporary file until {@link #close}. */
    public static final class Consolidated implements AutoCloseable {
        private final Consolidation consolidation;
        private final CheckRun.Summary summary;
        private final List<CheckedReturn> kept;
        private final ReturnSpill details;

        private Consolidated(Consolidation consolidation, CheckRun.Summary summary, List<CheckedReturn> kept, ReturnSpill details) {
            this.consolidation = consolidation;
            this.summary = summary;
            this.kept = kept;
            this.details = details;
        }

        public Consolidation consolidation() {
            return consolidation;
        }

        /**
         * Writes the bureau's workbook with its 综述 and keeps the annotated copies of the accepted returns only.
         *
         * @param previous last year's totals ({@code --previous})
         */
        public Result write(Path out, Framework framework, String bureau, Optional<PreviousScores> previous) throws IOException {
            try {
                ConsolidatedWorkbook.write(out, consolidation, framework,
                        () -> SummaryNarrative.render(ConsolidationFacts.of(consolidation, framework, bureau, previous)), previous, details);
                return new Result(consolidation, summary.publish(accepted(consolidation)));
            } finally {
                summary.discardHeld();
            }
        }

        /** Every return in full, in the scan's order, read back one at a time (for the {@code --json} report). */
        public List<CheckedReturn> returns() {
            return new AbstractList<>() {
                @Override
                public CheckedReturn get(int index) {
                    return details.full(kept.get(index));
                }

                @Override
                public int size() {
                    return kept.size();
                }
            };
        }

        /** Deletes the temporary file of details, and the annotated copies still held back when nothing was written. */
        @Override
        public void close() throws IOException {
            try {
                summary.discardHeld();
            } finally {
                details.close();
            }
        }
    }

    /**
     * The returns the bureau acts on: each unit's accepted (已采用) one. Only their annotated copies are kept (the run
     * copied only returns with errors); superseded and unmatched returns are not sent back for 退回修改.
     */
    private static List<CheckedReturn> accepted(Consolidation consolidation) {
        return consolidation.units().stream().flatMap(unit -> unit.adopted().stream()).toList();
    }

    /**
     * "收到文件 9 个 = 已采用 3 + 被替代 2 + …", then the units by status, then (only when some were adopted) the project
     * returns: what the terminal prints.
     */
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
        if (!consolidation.hasProjects()) {
            return List.of(equation.toString(), units.toString());
        }
        long projectUnits = consolidation.units().stream().filter(u -> u.project().isPresent()).count();
        long projects = consolidation.units().stream().flatMap(u -> u.project().stream()).mapToLong(p -> p.projects().size()).sum();
        return List.of(equation.toString(), units.toString(), "项目支出绩效自评表：" + projectUnits + " 家单位报送，共 " + projects + " 个项目。");
    }
}
