package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.template.LibreOfficeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Last year's consolidated workbook read back by header names; every file that is not one is refused by name. */
class PreviousScoresTest {
    @TempDir
    Path dir;

    private Path ours() throws IOException {
        Path out = dir.resolve("上年汇总.xlsx");
        ConsolidatedWorkbook.write(out, SmallConsolidation.of(dir), SmallConsolidation.FRAMEWORK, "综述", Optional.empty());
        return out;
    }

    @Test
    void readsTheTotalsOfTheWorkbookEvalbookWrote() throws Exception {
        PreviousScores scores = PreviousScores.read(ours());
        // SmallConsolidation: 001, 002 and 004 scored 100 (the consistent return), 003 returned nothing
        assertThat(scores.total("001")).contains(new BigDecimal("100.00"));
        assertThat(scores.total("002")).contains(new BigDecimal("100.00"));
        assertThat(scores.total("004")).contains(new BigDecimal("100.00"));
        assertThat(scores.total("003")).as("listed but blank last year: blank, not 0").isEmpty();
        assertThat(scores.total("999")).isEmpty();
        assertThat(scores.change("001", Optional.of(new BigDecimal("92.5")))).contains(new BigDecimal("-7.50"));
        assertThat(scores.change("003", Optional.of(new BigDecimal("92.5")))).isEmpty();
        assertThat(scores.change("001", Optional.empty())).isEmpty();
    }

    @Test
    void aResavedWorkbookWithMovedColumnsSharedStringsAndBinaryTailsReads() throws Exception {
        Path file = dir.resolve("另存.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("说明");
            Sheet sheet = workbook.createSheet("汇总");
            sheet.createRow(0).createCell(0).setCellValue("2022年度汇总表");
            sheet.createRow(1).createCell(0).setCellValue("（另存时加了一行）");
            row(sheet, 2, "备注", "核定总分", "单位名称", "单位代码");
            row(sheet, 3, "", 85.329999999999998, "甲", "0530101");
            row(sheet, 4, "", null, "乙", "0530102");
            row(sheet, 5, "小计", 170.0, "", "");
            row(sheet, 6, "", "  90.1 ", "丙", "0530103");
            save(workbook, file);
        }
        PreviousScores scores = PreviousScores.read(file);
        assertThat(scores.total("0530101")).contains(new BigDecimal("85.33"));
        assertThat(scores.total("0530102")).isEmpty();
        assertThat(scores.total("0530103")).contains(new BigDecimal("90.10"));
    }

    @Test
    void aWorkbookLibreOfficeResavedStillReads() throws Exception {
        Optional<Path> soffice = LibreOfficeRunner.find();
        if (soffice.isEmpty()) {
            System.out.println("SKIPPED: LibreOffice (soffice) is not installed; no re-saved workbook was read.");
            return;
        }
        Path original = ours();
        Path resaved = Files.createDirectories(dir.resolve("另存"));
        LibreOfficeRunner.convert(soffice.get(), List.of(original), "xlsx", resaved);
        PreviousScores scores = PreviousScores.read(resaved.resolve("上年汇总.xlsx"));
        assertThat(scores.total("001")).contains(new BigDecimal("100.00"));
        assertThat(scores.total("003")).isEmpty();
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("上年.xlsx"), "不是工作簿");
        assertRefused(file, "不是 xlsx 格式");
        Path damaged = dir.resolve("坏.xlsx");
        Files.write(damaged, new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5});
        assertRefused(damaged, "文件已损坏或不是可读取的 Excel 工作簿");
        assertRefused(dir.resolve("没有这个文件.xlsx"), "找不到该文件");
    }

    @Test
    void aWorkbookThatIsNotOursIsRefusedSayingWhy() throws IOException {
        Path noSheet = dir.resolve("其他.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("Sheet1"), 0, "单位代码", "核定总分");
            save(workbook, noSheet);
        }
        assertRefused(noSheet, "没有“汇总”工作表，不是 evalbook 生成的汇总表");
        Path noHeader = dir.resolve("无表头.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            row(workbook.createSheet("汇总"), 0, "单位代码", "得分");
            save(workbook, noHeader);
        }
        assertRefused(noHeader, "“汇总”工作表中找不到“单位代码”和“核定总分”两列");
        Path text = dir.resolve("文字.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("汇总");
            row(sheet, 0, "单位代码", "核定总分");
            row(sheet, 1, "001", "优秀");
            save(workbook, text);
        }
        assertRefused(text, "汇总!B2 的核定总分“优秀”不是数字");
        Path twice = dir.resolve("重复.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("汇总");
            row(sheet, 0, "单位代码", "核定总分");
            row(sheet, 1, "001", 80.0);
            row(sheet, 2, "001", 90.0);
            save(workbook, twice);
        }
        assertRefused(twice, "单位代码 001 出现了两次（第二次在第 3 行）");
    }

    @Test
    void readingStopsAtTheRowLimit() throws IOException {
        Path huge = dir.resolve("超大.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("汇总");
            row(sheet, 0, "单位代码", "核定总分");
            for (int r = 1; r <= PreviousWorkbook.MAX_ROWS; r++) {
                sheet.createRow(r).createCell(0).setCellValue("U" + r);
            }
            save(workbook, huge);
            workbook.dispose();
        }
        assertRefused(huge, "内容过大（超过 200000 行");
    }

    private void assertRefused(Path file, String reason) {
        assertThatThrownBy(() -> PreviousScores.read(file)).isInstanceOf(PreviousYearException.class)
                .hasMessageStartingWith("上年汇总表 " + file + "：").hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[A-Za-z]+Exception"));
    }

    private static void row(Sheet sheet, int number, Object... values) {
        Row row = sheet.createRow(number);
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof String text && !text.isEmpty()) {
                row.createCell(c).setCellValue(text);
            } else if (values[c] instanceof Double value) {
                row.createCell(c).setCellValue(value);
            }
        }
    }

    private static void save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
    }
}
