package org.evalbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.Identity;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ReceivedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annotated copy's 审核意见 sheet is a printable 审核意见书. Its layout is pinned by a golden text dump (one line per
 * non-empty cell with its address, then merges and print setup) of the copy of the 珠晖 sample return; the review date
 * is today's, shown in the dump as a placeholder. Regenerate with {@code -Devalbook.updateGolden=true} and read the diff.
 */
class ReviewSheetTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "review-sheet.txt");
    private static final String SAMPLE = "0430405_珠晖区计划生育协会_2022.xlsx";

    @TempDir
    Path temp;

    @Test
    void theReviewSheetIsAFormalNoticeAsTheGoldenDumpShows() throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.copy(Path.of("test-workbooks", "returned", SAMPLE), in.resolve(SAMPLE));
        Path out = temp.resolve("审核意见");
        CheckRun.Options options = new CheckRun.Options(Frameworks.DEFAULT_ID, FRAMEWORK, new IsolatedReader.Limits(1, Duration.ofSeconds(60), 512),
                raw -> Identity.DEMO, Optional.of(CopyFolder.everyReadable(out)));
        CheckRun.Outcome outcome = new CheckRun(options).runAll(ReceivedFiles.scan(List.of(in.toString()), List.of(out)));
        int findings = outcome.results().get(0).findings().size();
        String dump;
        try (InputStream copy = Files.newInputStream(outcome.summary().copies().get(0)); XSSFWorkbook workbook = new XSSFWorkbook(copy)) {
            Sheet sheet = workbook.getSheet(AnnotatedCopy.SHEET);
            assertThat(workbook.getActiveSheetIndex()).isEqualTo(workbook.getSheetIndex(sheet));
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getRepeatingRows()).isNotNull();
            int header = sheet.getRepeatingRows().getFirstRow();
            assertThat(sheet.getRow(header).getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(sheet.getRow(header + findings).getCell(0).getStringCellValue()).isEqualTo(String.valueOf(findings));
            assertThat(sheet.getRow(header + 1).getCell(5).getCellStyle().getWrapText()).isTrue();
            dump = dump(sheet);
        }
        if (Boolean.getBoolean("evalbook.updateGolden")) {
            Files.writeString(GOLDEN, dump, StandardCharsets.UTF_8);
        }
        assertThat(dump).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void theNoticeComparesTheRecomputedTotalWithTheSelfAssessedOne() throws Exception {
        String dump = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        assertThat(dump).contains("A1 珠晖区计划生育协会2022年度绩效自评审核意见", "被审核单位：珠晖区计划生育协会（单位代码 0430405）",
                "审核日期：<审核日期>", "复核总分：", "单位自评：", "请于＿＿＿＿年＿＿月＿＿日前");
    }

    private static String dump(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String value = cell.getStringCellValue();
                if (!value.isEmpty()) {
                    text.append(cell.getAddress().formatAsString()).append(' ').append(value.replace("\n", "\\n")).append('\n');
                }
            }
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            text.append("merged ").append(merged.formatAsString()).append('\n');
        }
        for (int c = 0; c < 7; c++) {
            text.append("width ").append((char) ('A' + c)).append(' ').append(sheet.getColumnWidth(c) / 256).append('\n');
        }
        text.append("print A4 landscape=").append(sheet.getPrintSetup().getLandscape()).append(" fitWidth=")
                .append(sheet.getPrintSetup().getFitWidth()).append(" fitHeight=").append(sheet.getPrintSetup().getFitHeight())
                .append(" repeat=").append(sheet.getRepeatingRows().formatAsString()).append('\n');
        LocalDate today = LocalDate.now();
        return text.toString().replace(today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日", "<审核日期>");
    }
}
