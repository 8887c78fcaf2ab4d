package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.TableRow;
import org.evalbook.template.LibreOfficeRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Returns edited in ways nobody planned still read back to the same values and the same findings: re-saved by
 * LibreOffice as xlsx or xls, rows inserted inside a table, rows typed below one, a renamed sheet, a formula overwritten
 * by a number, numbers typed as text.
 */
class RobustReadingTest {
    @TempDir
    static Path temp;
    private static Fixtures fixtures;
    private static CheckResult original;

    @BeforeAll
    static void original() throws Exception {
        fixtures = new Fixtures(temp);
        original = Checks.of(fixtures.consistent("original.xlsx"));
        assertThat(original.findings()).isEmpty();
    }

    @Test
    void reSavedByLibreOfficeAsXlsxRaisesNothing() throws Exception {
        CheckResult result = Checks.of(libreOffice("xlsx"));
        assertSameValues(result);
        assertThat(result.findings()).as(Checks.describe(result)).isEmpty();
    }

    @Test
    void convertedToXlsByLibreOfficeRaisesNothing() throws Exception {
        CheckResult result = Checks.of(libreOffice("xls"));
        assertThat(result.read().orElseThrow().raw().format()).isEqualTo("xls");
        assertSameValues(result);
        assertThat(result.findings()).as(Checks.describe(result)).isEmpty();
    }

    /**
     * The committed sample returns, blanks and inconsistencies included, converted to .xls: LibreOffice stores the
     * blank result of a rate as the number 0 there, which must not read as a stale cached value (C18).
     */
    @Test
    void sampleReturnsConvertedToXlsByLibreOfficeHaveTheSameFindings() throws Exception {
        Path soffice = soffice();
        List<Path> samples;
        try (var listed = Files.list(Path.of("test-workbooks", "returned"))) {
            samples = listed.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(samples).hasSize(2);
        Path out = Files.createDirectories(temp.resolve("samples-xls"));
        LibreOfficeRunner.convert(soffice, samples, "xls", out);
        for (Path sample : samples) {
            CheckResult xlsx = Checks.of(sample);
            CheckResult xls = Checks.of(out.resolve(sample.getFileName().toString().replace(".xlsx", ".xls")));
            assertThat(xls.read().orElseThrow().raw().format()).isEqualTo("xls");
            assertThat(Checks.codes(xlsx)).as(sample + " has findings of its own").isNotEmpty().doesNotContain("C18");
            assertThat(Checks.codes(xls)).as(Checks.describe(xls)).doesNotContain("C18");
            assertThat(Checks.describe(xls)).isEqualTo(Checks.describe(xlsx));
            assertThat(xls.findings()).extracting(Finding::cells).isEqualTo(xlsx.findings().stream().map(Finding::cells).toList());
            assertThat(xls.scores().orElseThrow().total()).isEqualTo(xlsx.scores().orElseThrow().total());
        }
    }

    @Test
    void rowsInsertedInsideATableAreReadWithTheTable() throws Exception {
        Path file = fixtures.workbook("inserted.xlsx", workbook -> {
            XSSFSheet tasks = workbook.getSheet("年度工作任务");
            tasks.shiftRows(4, tasks.getLastRowNum(), 1);
            var row = tasks.createRow(4);
            row.createCell(1).setCellValue("插入的任务");
            row.createCell(3).setCellValue(2);
            row.createCell(4).setCellValue(2);
            row.createCell(5).setCellValue(2);
            row.createCell(6).setCellValue(2);
            row.createCell(7).setCellValue("否");
        });
        CheckResult result = Checks.of(file);
        List<TableRow> rows = result.read().orElseThrow().values().rows("task");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).text("task_name")).contains("插入的任务");
        assertThat(result.findings()).as(Checks.describe(result)).isEmpty();
    }

    @Test
    void rowsTypedBelowATableAreReadAndReported() throws Exception {
        Path file = fixtures.edited("below.xlsx", w -> {
            w.cell("task_name", 20).setCellValue("表格下方补填的任务");
            w.cell("task_planned", 20).setCellValue(1);
            w.cell("task_actual", 20).setCellValue(1);
            w.cell("task_on_time", 20).setCellValue(1);
            w.cell("task_quality_ok", 20).setCellValue(1);
            w.cell("task_key", 20).setCellValue("否");
        });
        CheckResult result = Checks.of(file);
        assertThat(result.read().orElseThrow().values().rows("task")).hasSize(2);
        assertThat(result.findings()).extracting(Finding::code).containsExactly(FindingCode.F12);
    }

    @Test
    void aRenamedSheetChangesNothing() throws Exception {
        Path file = fixtures.workbook("renamed.xlsx", workbook -> workbook.setSheetName(workbook.getSheetIndex("基础数据表"), "基础数据"));
        CheckResult result = Checks.of(file);
        assertSameValues(result);
        assertThat(result.read().orElseThrow().where("inc_total")).contains("基础数据!B18");
        assertThat(result.findings()).as(Checks.describe(result)).isEmpty();
    }

    @Test
    void aFormulaOverwrittenByANumberIsC18AndTheRulesStillDecide() throws Exception {
        Path file = fixtures.edited("overwritten.xlsx", w -> {
            var cell = w.cell("score_total", 0);
            cell.removeFormula();
            cell.setCellValue(100);
        });
        CheckResult result = Checks.of(file);
        assertSameValues(result);
        assertThat(result.findings()).extracting(Finding::code).containsExactly(FindingCode.C18);
        assertThat(result.scores().orElseThrow().total()).isEqualByComparingTo("100");
    }

    @Test
    void numbersTypedAsTextAreReadLenientlyAndReported() throws Exception {
        Path file = fixtures.edited("text-numbers.xlsx", w -> {
            w.cell("inc_total", 0).setCellValue(" 100 ");
            w.cell("inc_fiscal", 0).setCellValue("９０");
            w.cell("inc_other", 0).setCellValue("10万元");
            w.cell("exp_total_final", 0).setCellValue("1,000,000元");
            w.cell("pay_planned_progress", 0).setCellValue("100%");
            w.cell("staff_actual", 0).setCellValue("7\u3000");
        });
        CheckResult result = Checks.of(file);
        assertSameValues(result);
        assertThat(result.findings()).extracting(Finding::code).containsExactlyInAnyOrder(FindingCode.C13, FindingCode.C21);
        Finding texts = result.findings().stream().filter(f -> f.code() == FindingCode.C13).findFirst().orElseThrow();
        assertThat(texts.cells()).hasSize(5);
        assertThat(texts.message()).contains("等 5 处数字以文本形式填写", "“10万元”，已读作 10", "“1,000,000元”，已读作 100（按元换算为万元）");
        assertThat(result.read().orElseThrow().sources().get("inc_fiscal").original()).isEqualTo("９０");
    }

    @Test
    void dataPastedIntoAFreshWorkbookIsReadByItsLabelsAndSaysSo() throws Exception {
        CheckResult result = Checks.of(fixtures.pasted("pasted.xlsx"));
        FieldValues values = result.read().orElseThrow().values();
        assertThat(values.text("unit_code")).contains("0530102");
        assertThat(values.number("staff_authorized")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7"));
        assertThat(values.number("inc_total")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(values.number("exp_total_budget")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(values.number("exp_basic_final")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("60"));
        assertThat(result.read().orElseThrow().where("exp_basic_final")).contains("Sheet1!C10");
        assertThat(result.findings()).extracting(Finding::code).contains(FindingCode.F11, FindingCode.C19);
    }

    private static void assertSameValues(CheckResult result) {
        FieldValues expected = original.read().orElseThrow().values();
        FieldValues actual = result.read().orElseThrow().values();
        for (var entry : expected.numbers().entrySet()) {
            assertThat(actual.number(entry.getKey())).as(entry.getKey())
                    .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(entry.getValue()));
        }
        assertThat(actual.texts()).as("texts").containsAllEntriesOf(expected.texts());
        assertThat(actual.rows("task")).hasSameSizeAs(expected.rows("task"));
        assertThat(result.scores().orElseThrow().total()).isEqualTo(original.scores().orElseThrow().total());
    }

    private static Path libreOffice(String format) throws Exception {
        Path soffice = soffice();
        Path out = Files.createDirectories(temp.resolve("lo-" + format));
        Path source = fixtures.consistent("for-lo-" + format + ".xlsx");
        LibreOfficeRunner.convert(soffice, List.of(source), format, out);
        return out.resolve("for-lo-" + format + "." + format);
    }

    private static Path soffice() {
        Optional<Path> soffice = LibreOfficeRunner.find();
        if (soffice.isEmpty()) {
            System.out.println("SKIPPED: LibreOffice (soffice) is not installed; the LibreOffice re-save test did not run.");
        }
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        return soffice.get();
    }
}
