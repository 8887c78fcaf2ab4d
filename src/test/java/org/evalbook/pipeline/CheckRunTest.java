package org.evalbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.template.LibreOfficeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline keeps every return: a broken cell stays on that cell, a slow check stops at its limit, copies are made
 * from what was read and never overwrite each other, and a folder holding the previous run's outputs checks as before.
 */
class CheckRunTest {
    static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    static final Path ZHUHUI = Path.of("test-workbooks", "returned", "0430405_珠晖区计划生育协会_2022.xlsx");
    static final Path KUNMING = Path.of("test-workbooks", "returned", "0530101_昆明市计划生育协会_2017.xlsx");

    @TempDir
    Path temp;

    @Test
    void arrayFormulasWhoseTextAnotherProgramDroppedStayOnTheirCells() throws Exception {
        // What some JavaScript spreadsheet libraries write back for a single-cell array formula: no text at all.
        Path file = temp.resolve("empty-array.xlsx");
        rewrite(ZHUHUI, file, "xl/worksheets/", xml -> xml.replaceAll("(?s)<c r=\"(F3[89]|G3[89])\"([^>]*)><f>.*?</f>",
                "<c r=\"$1\"$2><f t=\"array\" ref=\"$1\"/>"));
        CheckedReturn result = only(run(Optional.empty(), file.toString()));
        assertReadWithC18On(result, "的公式无法读取", "绩效指标表!F38", "绩效指标表!G38", "绩效指标表!F39", "绩效指标表!G39");
    }

    @Test
    void aFormulaThatCannotBeParsedStaysOnItsCell() throws Exception {
        Path file = temp.resolve("broken-formula.xlsx");
        rewrite(ZHUHUI, file, "xl/worksheets/", xml -> xml.replaceAll("(?s)<c r=\"(F38)\"([^>]*)><f>.*?</f>", "<c r=\"$1\"$2><f>SUM((1,</f>"));
        CheckedReturn result = only(run(Optional.empty(), file.toString()));
        assertReadWithC18On(result, "的公式被改动", "绩效指标表!F38");
    }

    private static void assertReadWithC18On(CheckedReturn result, String message, String... cells) {
        assertThat(result.readable()).as("the return is read").isTrue();
        assertThat(result.unit().orElseThrow().name()).isEqualTo("珠晖区计划生育协会");
        assertThat(result.figure("exp_basic_final")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("78.63"));
        assertThat(result.scores().orElseThrow().total()).isEqualByComparingTo("21.00");
        List<Finding> broken = result.findings().stream().filter(f -> f.code() == FindingCode.C18).toList();
        assertThat(broken).flatExtracting(Finding::cells).containsExactlyInAnyOrder(cells);
        assertThat(broken).allSatisfy(f -> assertThat(f.message()).contains(message));
        assertThat(result.findings()).noneMatch(f -> f.code() == FindingCode.F08 || f.code() == FindingCode.F14);
    }

    @Test
    void eachReturnIsHandedOnAsSoonAsItIsReadyOncePerFile() throws Exception {
        Path in = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < 5; i++) {
            Files.copy(i % 2 == 0 ? ZHUHUI : KUNMING, in.resolve("r" + i + ".xlsx"));
        }
        Files.writeString(in.resolve("notes.txt"), "not a return");
        List<CheckedReturn> arrived = new java.util.ArrayList<>();
        CheckRun.Summary summary = new CheckRun(options(Optional.empty(), Duration.ofSeconds(60)))
                .run(ReceivedFiles.scan(List.of(in.toString()), List.of()), arrived::add);
        assertThat(summary.skipped()).isEmpty();
        assertThat(arrived).extracting(CheckedReturn::order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(arrived).filteredOn(CheckedReturn::readable).hasSize(5)
                .allSatisfy(r -> assertThat(r.sha256()).hasSize(64)).allSatisfy(r -> assertThat(r.scores()).isPresent());
        assertThat(arrived).filteredOn(r -> r.file().equals("notes.txt")).singleElement()
                .satisfies(r -> assertThat(r.findings()).extracting(Finding::code).containsExactly(FindingCode.F01));
    }

    @Test
    void aCheckThatRunsAwayIsStoppedAtTheLimitAndTheBatchGoesOn() throws Exception {
        ReturnChecker real = new ReturnChecker(FRAMEWORK);
        CheckRun.Outcome outcome = new CheckRun(options(Optional.empty(), Duration.ofSeconds(10)), (raw, identity) -> {
            if (raw.file().contains("昆明")) {
                while (true) {
                    Thread.onSpinWait(); // a check that never ends and ignores interruption
                }
            }
            return real.check(raw, identity);
        }).runAll(ReceivedFiles.scan(List.of(KUNMING.toString(), ZHUHUI.toString()), List.of()));
        assertThat(outcome.results().get(0).findings()).extracting(Finding::code).containsExactly(FindingCode.F08);
        assertThat(outcome.results().get(0).findings().get(0).message()).startsWith("检查此文件超过 10 秒仍未完成");
        assertThat(outcome.results().get(1).readable()).isTrue();
    }

    @Test
    void subFoldersAreReadAndSameNamedReturnsGetTwoCopiesAndAWarning() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        Files.createDirectories(in.resolve("区县A"));
        Files.createDirectories(in.resolve("区县B"));
        Files.copy(ZHUHUI, in.resolve("区县A/return.xlsx"));
        Files.copy(KUNMING, in.resolve("区县B/return.xlsx"));
        Files.copy(ZHUHUI, in.resolve("珠晖-重发.xlsx"));
        Path out = temp.resolve("审核");
        CheckRun.Outcome outcome = run(Optional.of(out), in.toString());
        assertThat(outcome.results()).extracting(CheckedReturn::file).containsExactly("区县A/return.xlsx", "区县B/return.xlsx", "珠晖-重发.xlsx");
        assertThat(outcome.summary().copies()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("区县A_return_审核意见.xlsx", "区县B_return_审核意见.xlsx", "珠晖-重发_审核意见.xlsx");
        Finding duplicate = outcome.results().get(0).findings().stream().filter(f -> f.code() == FindingCode.C25).findFirst().orElseThrow();
        assertThat(duplicate.message()).contains("单位代码 0430405，2022 年度", "“珠晖-重发.xlsx”", "内容完全相同");
        assertThat(outcome.results().get(1).findings()).noneMatch(f -> f.code() == FindingCode.C25);

        CheckRun.Outcome again = run(Optional.of(in.resolve("审核意见")), in.toString(), out.toString());
        assertThat(again.results()).hasSize(3);
        assertThat(again.summary().skipped()).hasSize(3).allSatisfy(s -> assertThat(s.reason()).contains("evalbook 自己生成的文件"));
    }

    @Test
    void theCopyOfAZipWhoseDirectoriesDisagreeIsWhatWasChecked() throws Exception {
        Path file = temp.resolve("two-faced.xlsx");
        byte[] zip = Files.readAllBytes(ZHUHUI);
        // The local header of the first worksheet names another part: a streaming reader sees a different workbook
        // from one that reads the central directory.
        byte[] name = "xl/worksheets/sheet2.xml".getBytes(StandardCharsets.US_ASCII);
        int at = localHeader(zip, name);
        System.arraycopy("xl/worksheets/sheetX.xml".getBytes(StandardCharsets.US_ASCII), 0, zip, at, name.length);
        Files.write(file, zip);
        CheckRun.Outcome checked = run(Optional.of(temp.resolve("out")), file.toString());
        CheckedReturn original = only(checked);
        assertThat(checked.summary().copies()).hasSize(1);
        CheckedReturn copy = only(run(Optional.empty(), checked.summary().copies().get(0).toString()));
        assertSameValues(copy, original);
        assertThat(copy.findings()).extracting(Finding::code, Finding::cells).isEqualTo(original.findings().stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.code(), f.cells())).toList());
    }

    @Test
    void aLargeReturnIsCopiedInsideTheWorkersMemoryCap() throws Exception {
        Path file = temp.resolve("large.xlsx");
        try (InputStream in = Files.newInputStream(ZHUHUI); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var sheet = workbook.createSheet("附表");
            for (int r = 0; r < 6_000; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 10; c++) {
                    row.createCell(c).setCellValue(r * 10.0 + c + 0.25);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        assertThat(Files.size(file)).isGreaterThan(Files.size(ZHUHUI) * 4);
        CheckRun.Outcome outcome = new CheckRun(new CheckRun.Options(Frameworks.DEFAULT_ID, FRAMEWORK,
                new IsolatedReader.Limits(1, Duration.ofSeconds(120), 256), raw -> Identity.DEMO, Optional.of(CopyFolder.everyReadable(temp.resolve("out")))))
                .runAll(ReceivedFiles.scan(List.of(file.toString()), List.of()));
        assertThat(outcome.summary().copyFailures()).isEmpty();
        assertThat(outcome.summary().copies()).hasSize(1);
        assertSameValues(only(run(Optional.empty(), outcome.summary().copies().get(0).toString())), only(outcome));
    }

    @Test
    void anXlsmReturnsCopyKeepsItsFormatAndReadsBackTheSame() throws Exception {
        Path file = temp.resolve("宏.xlsm");
        rewrite(ZHUHUI, file, "[Content_Types].xml", types -> types.replace("<Default ",
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default "));
        addEntry(file, "xl/vbaProject.bin", new byte[] {1, 2, 3});
        assertCopyReadsBackTheSame(file, "宏_审核意见.xlsm");
    }

    @Test
    void aReturnWithAnOverLongNameGetsAShortenedUniqueCopyName() throws Exception {
        String stem = "珠".repeat(82); // 246 bytes of UTF-8: with "_审核意见.xlsx" the copy's name would pass 255 bytes
        Path file = temp.resolve(stem + ".xlsx");
        Files.copy(ZHUHUI, file);
        CheckRun.Outcome outcome = run(Optional.of(temp.resolve("out")), file.toString());
        assertThat(outcome.summary().copyFailures()).isEmpty();
        String name = outcome.summary().copies().get(0).getFileName().toString();
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(name).startsWith("珠珠珠").matches(".*~[0-9a-f]{8}_审核意见\\.xlsx");
    }

    @Test
    void anXlsReturnsAnnotatedCopyReadsBackAsTheSameReturn() throws Exception {
        Optional<Path> soffice = LibreOfficeRunner.find();
        if (soffice.isEmpty()) {
            System.out.println("SKIPPED: LibreOffice (soffice) is not installed; the .xls annotated-copy test did not run.");
        }
        assumeTrue(soffice.isPresent());
        Path xlsDir = Files.createDirectories(temp.resolve("xls"));
        LibreOfficeRunner.convert(soffice.get(), List.of(ZHUHUI), "xls", xlsDir);
        Path xls = xlsDir.resolve(ZHUHUI.getFileName().toString().replace(".xlsx", ".xls"));
        CheckRun.Outcome checked = run(Optional.of(temp.resolve("out")), xls.toString());
        CheckedReturn original = only(checked);
        assertThat(checked.summary().copies()).singleElement().satisfies(p -> assertThat(p.toString()).endsWith("_审核意见.xls"));
        CheckedReturn copy = only(run(Optional.empty(), checked.summary().copies().get(0).toString()));
        assertThat(copy.unit().orElseThrow().name()).isEqualTo("珠晖区计划生育协会");
        assertSameValues(copy, original);
        assertThat(copy.findings()).extracting(Finding::code, Finding::cells, Finding::message).isEqualTo(original.findings().stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.code(), f.cells(), f.message())).toList());
    }

    private void assertCopyReadsBackTheSame(Path file, String copyName) throws Exception {
        CheckRun.Outcome checked = run(Optional.of(temp.resolve("out")), file.toString());
        CheckedReturn original = only(checked);
        assertThat(checked.summary().copies()).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo(copyName));
        CheckedReturn copy = only(run(Optional.empty(), checked.summary().copies().get(0).toString()));
        assertSameValues(copy, original);
        assertThat(copy.findings()).extracting(Finding::code, Finding::cells, Finding::message).isEqualTo(original.findings().stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.code(), f.cells(), f.message())).toList());
    }

    private static void addEntry(Path zip, String name, byte[] content) throws Exception {
        Path with = zip.resolveSibling("with-" + zip.getFileName());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(with))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
        Files.move(with, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private CheckRun.Outcome run(Optional<Path> annotate, String... inputs) throws InterruptedException {
        return new CheckRun(options(annotate, Duration.ofSeconds(60))).runAll(ReceivedFiles.scan(List.of(inputs), annotate.stream().toList()));
    }

    private static CheckRun.Options options(Optional<Path> annotate, Duration limit) {
        return new CheckRun.Options(Frameworks.DEFAULT_ID, FRAMEWORK, new IsolatedReader.Limits(2, limit, 512), raw -> Identity.DEMO,
                annotate.map(CopyFolder::everyReadable));
    }

    private static void assertSameValues(CheckedReturn copy, CheckedReturn original) {
        assertThat(copy.unit()).isEqualTo(original.unit());
        assertThat(copy.figures()).isEqualTo(original.figures());
        assertThat(copy.texts()).isEqualTo(original.texts());
        assertThat(copy.scores()).isEqualTo(original.scores());
    }

    private static CheckedReturn only(CheckRun.Outcome outcome) {
        assertThat(outcome.results()).hasSize(1);
        return outcome.results().get(0);
    }

    private static int localHeader(byte[] zip, byte[] name) {
        for (int i = 0; i + 30 + name.length < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4
                    && java.util.Arrays.equals(zip, i + 30, i + 30 + name.length, name, 0, name.length)) {
                return i + 30;
            }
        }
        throw new AssertionError("no local header for " + new String(name, StandardCharsets.US_ASCII));
    }

    /** Copies a zip, rewriting the text of the entries under {@code prefix}. */
    static void rewrite(Path from, Path to, String prefix, java.util.function.UnaryOperator<String> edit) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().startsWith(prefix)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }
}
