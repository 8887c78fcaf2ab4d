package org.evalbook.report;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.framework.DisplayWidth;
import org.evalbook.framework.Framework;
import org.evalbook.framework.GradeBand;

/**
 * The bureau's consolidated workbook of one round: 综述, 汇总, 指标得分, 问题清单, 项目自评 (only when some project
 * return was adopted), 报送情况 and 统计分析, in that order.
 *
 * <p>Sheets are streamed ({@link SXSSFWorkbook}: only a window of rows is in memory), so memory stays flat as the
 * number of units grows. Amounts are numbers in 万元, rates ratios shown as percentages, blanks empty cells — never 0.
 * Everything units typed (names, messages, explanations) is written as string cells: a name like {@code =1+1} shows as
 * typed and is never evaluated.
 */
public final class ConsolidatedWorkbook {
    static final String NARRATIVE = "综述";
    /** Rows kept in memory per sheet before they are flushed to the temporary file. */
    private static final int ROW_WINDOW = 200;
    private static final int NARRATIVE_WIDTH = 100;
    private static final float LINE_HEIGHT = 16;

    private ConsolidatedWorkbook() {
    }

    /**
     * Writes the workbook to {@code out} atomically: into a temporary file in the same folder, then moved over
     * {@code out}, so a failure leaves no half-written workbook and an existing {@code out} untouched.
     *
     * @param narrative the 综述 text, one paragraph per line
     * @param previous  last year's totals, for 汇总's 上年得分 and 变动 columns (absent: no such columns)
     * @throws IOException when the folder cannot be written
     */
    public static void write(Path out, Consolidation consolidation, Framework framework, String narrative,
                             Optional<PreviousScores> previous) throws IOException {
        Objects.requireNonNull(narrative, "narrative");
        write(out, consolidation, framework, () -> narrative, previous, ReturnDetails.IN_MEMORY);
    }

    /**
     * @param narrative made while 问题清单 and 指标得分, the longest sheets, are already being written on their threads
     * @param details   where 问题清单 and 指标得分 read each adopted return's findings and scores in full
     */
    static void write(Path out, Consolidation consolidation, Framework framework, Supplier<String> narrative,
                      Optional<PreviousScores> previous, ReturnDetails details) throws IOException {
        Objects.requireNonNull(consolidation, "consolidation");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(narrative, "narrative");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(details, "details");
        Path folder = out.toAbsolutePath().getParent();
        AtomicFile.write(out, stream -> {
            // Closing the streaming workbook deletes its temporary sheet files, written or not (FastDeflate#close).
            try (SXSSFWorkbook workbook = new FastDeflate(ROW_WINDOW)) {
                sheets(workbook, consolidation, framework, narrative, previous, folder, details);
                workbook.write(stream);
            }
        });
    }

    /**
     * Deflates the finished workbook at the fastest level: at ten thousand units its sheets are some 76 MB of XML, and
     * the default level took seconds of the job's tail on one core, to save a fifth of a file that is sent once.
     */
    private static final class FastDeflate extends SXSSFWorkbook {
        FastDeflate(int rowWindow) {
            super(rowWindow);
        }

        /**
         * Plain temporary sheet files, written through {@link UnsynchronizedWriter}: compressing them would cost a
         * deflate and an inflate of every sheet before the final deflate into the workbook (for 10,000 units, about
         * 76 MB of sheet XML on disk meanwhile).
         */
        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetDataWriter() {
                @Override
                public Writer createWriter(File file) throws IOException {
                    return new UnsynchronizedWriter(new OutputStreamWriter(new FileOutputStream(file), StandardCharsets.UTF_8));
                }
            };
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }

        /**
         * Deletes the sheets' temporary files and leaves the usermodel workbook underneath unclosed: it was made in
         * memory, and closing it saves its whole package again into a buffer that is then thrown away (the chart's
         * points and every hyperlink's relationship, a third of a second of the tail on one thread at 10,000 units).
         * Unlike POI's own close, this is quiet on a workbook never written: POI closes the temporary files before
         * flushing their last rows, and logs a stack trace.
         */
        @Override
        public void close() {
            dispose();
        }
    }

    private static void sheets(SXSSFWorkbook workbook, Consolidation consolidation, Framework framework, Supplier<String> narrative,
                               Optional<PreviousScores> previous, Path folder, ReturnDetails details) throws IOException {
        ReportStyles styles = ReportStyles.of(workbook, framework.grades().stream().map(GradeBand::grade).toList());
        String year = year(consolidation);
        // The sheets are made first, in the order a reader meets them; their rows are written afterwards.
        List<SheetWriter> inOrder = new ArrayList<>();
        Function<String, SheetWriter> sheet = name -> {
            SheetWriter writer = new SheetWriter(workbook, name, styles);
            inOrder.add(writer);
            return writer;
        };
        SheetWriter overview = sheet.apply(NARRATIVE);
        SheetWriter totals = sheet.apply(SummarySheet.NAME);
        SheetWriter scores = sheet.apply(ScoresSheet.NAME);
        SheetWriter findings = sheet.apply(FindingsSheet.NAME);
        Optional<SheetWriter> projects = consolidation.hasProjects() ? Optional.of(sheet.apply(ProjectSheet.NAME)) : Optional.empty();
        SheetWriter submission = sheet.apply(SubmissionSheet.NAME);
        SheetWriter statistics = sheet.apply(StatisticsSheet.NAME);
        // 指标得分 and 问题清单 read every adopted return back in full and hold most of the rows: each is written on a
        // thread of its own beside the other sheets (a sheet's rows touch only that sheet; its auto-filter and print
        // titles, names of the workbook, are set once all are written: see SheetWriter#names).
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> scoresDone = writers.submit(() -> ScoresSheet.write(scores, consolidation, framework, year, details));
            Future<?> findingsDone = writers.submit(() -> {
                Map<FindingsSheet.At, Integer> findingRows = FindingsSheet.write(findings, workbook, consolidation, folder, year, details);
                projects.ifPresent(out -> ProjectSheet.write(out, workbook, consolidation, year, details, findingRows));
            });
            narrative(overview, styles, Objects.requireNonNull(narrative.get(), "narrative"), year);
            SummarySheet.write(totals, consolidation, previous, year);
            SubmissionSheet.write(submission, consolidation, year);
            StatisticsSheet.write(statistics, workbook, consolidation, framework, year);
            await(scoresDone);
            await(findingsDone);
        } finally {
            writers.shutdownNow();
        }
        inOrder.forEach(SheetWriter::names);
    }

    private static void await(Future<?> sheet) throws IOException {
        try {
            sheet.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("汇总表写入被中断");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    /** The latest year in the roster, as the 综述 states it ("2023年度"), or "" when the roster is empty. */
    private static String year(Consolidation consolidation) {
        return consolidation.year().stream().mapToObj(y -> y + "年度").findFirst().orElse("");
    }

    /**
     * One paragraph per row in one wide wrapped column, each row tall enough for its lines. The narrative's first line
     * is its heading (the bureau's template words it) and becomes the sheet's title row.
     */
    private static void narrative(SheetWriter out, ReportStyles styles, String narrative, String year) {
        List<String> paragraphs = narrative.lines().map(String::strip).filter(p -> !p.isEmpty()).toList();
        out.title(paragraphs.isEmpty() ? year + "部门整体支出绩效自评情况综述" : paragraphs.get(0), 1);
        for (String paragraph : paragraphs.subList(Math.min(1, paragraphs.size()), paragraphs.size())) {
            Row row = out.newRow();
            out.text(0, paragraph, styles.wrapped());
            int lines = Math.max(1, (DisplayWidth.of(paragraph) + NARRATIVE_WIDTH - 1) / NARRATIVE_WIDTH);
            row.setHeightInPoints(lines * LINE_HEIGHT + 4);
        }
        out.fixWidth(0, NARRATIVE_WIDTH + 2);
        out.finish(0);
    }
}
