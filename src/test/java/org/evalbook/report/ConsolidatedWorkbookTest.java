package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.consolidate.ColumnStatistics;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.consolidate.UnitStatus;
import org.evalbook.template.LibreOfficeRunner;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes {@link SmallConsolidation} and reads the workbook back with POI; every expected figure is worked out by hand. */
class ConsolidatedWorkbookTest {
    private static final String NARRATIVE = "2023年度综述（模板的标题）\n本次共下发4个单位。\n\n=其中1个单位逾期报送。\n+1个单位未报送。";

    @TempDir
    Path dir;

    private Path written() throws IOException {
        Path out = dir.resolve("汇总结果.xlsx");
        ConsolidatedWorkbook.write(out, SmallConsolidation.of(dir), SmallConsolidation.FRAMEWORK, NARRATIVE, Optional.empty());
        return out;
    }

    private static XSSFWorkbook read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    @Test
    void sheetsComeInTheBureausOrder() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("综述", "汇总", "指标得分", "问题清单", "报送情况", "统计分析");
        }
    }

    @Test
    void narrativeIsOneParagraphPerRowAsText() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            Sheet sheet = workbook.getSheet("综述");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).as("the narrative's heading is the title").isEqualTo("2023年度综述（模板的标题）");
            assertThat(texts(sheet, 0, 1, 3)).containsExactly("本次共下发4个单位。", "=其中1个单位逾期报送。", "+1个单位未报送。");
            assertThat(sheet.getRow(4) == null).as("no row after the last paragraph").isTrue();
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void summaryGroupsByDepartmentWithHandWorkedSubtotals() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            Sheet sheet = workbook.getSheet("汇总");
            assertThat(texts(sheet, 0, 2, 8)).containsExactly("县卫健委", "县卫健委", "县卫健委 小计", "县财政局", "县财政局", "县财政局 小计", "总计");
            assertThat(texts(sheet, 1, 2, 3)).containsExactly("001", "002");
            // 编制, 在职, 收入, 支出, 基本, 项目, 三公, 执行率 (columns D–K)
            assertThat(numbers(sheet.getRow(2), 3, 10)).containsExactly(7.0, 6.0, 100.5, 90.25, 60.0, 30.25, 1.2, 0.9025);
            assertThat(numbers(sheet.getRow(3), 3, 10)).containsExactly(5.0, 5.0, 50.0, 48.0, 40.0, 8.0, null, 0.8);
            // 县卫健委: 7+5, 6+5, 100.5+50, 90.25+48, 60+40, 30.25+8, 1.2 (002 left it blank), 138.25 / (100+60) = 0.8641
            assertThat(numbers(sheet.getRow(4), 3, 10)).containsExactly(12.0, 11.0, 150.5, 138.25, 100.0, 38.25, 1.2, 0.8641);
            assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("共2个单位，已报送2个");
            assertThat(numbers(sheet.getRow(5), 3, 10)).containsOnlyNulls();
            assertThat(numbers(sheet.getRow(6), 3, 10)).containsExactly(3.0, 3.0, 20.0, 20.0, 20.0, 0.0, 0.5, 0.8);
            // 县财政局: 003 returned nothing, so its subtotal is 004's figures; 20 / 25 = 0.8
            assertThat(numbers(sheet.getRow(7), 3, 10)).containsExactly(3.0, 3.0, 20.0, 20.0, 20.0, 0.0, 0.5, 0.8);
            assertThat(sheet.getRow(7).getCell(2).getStringCellValue()).isEqualTo("共2个单位，已报送1个");
            // 总计: 158.25 / (100 + 60 + 25) = 0.855405… → 0.8554
            assertThat(numbers(sheet.getRow(8), 3, 10)).containsExactly(15.0, 14.0, 170.5, 158.25, 120.0, 38.25, 1.7, 0.8554);
            assertThat(sheet.getRow(8).getCell(2).getStringCellValue()).isEqualTo("共4个单位，已报送3个");
            // 核定总分, 自评总分, 差异 (95 − 100), 错误, 警告
            assertThat(numbers(sheet.getRow(2), 11, 11)).containsExactly(100.0);
            assertThat(texts(sheet.getRow(2), 12, 12)).containsExactly("优");
            assertThat(texts(sheet.getRow(2), 14, 14)).containsExactly("良");
            assertThat(numbers(sheet.getRow(2), 13, 13)).containsExactly(95.0);
            assertThat(numbers(sheet.getRow(2), 15, 17)).containsExactly(-5.0, 1.0, 1.0);
            assertThat(numbers(sheet.getRow(8), 16, 17)).containsExactly(2.0, 1.0);
            assertThat(texts(sheet, 18, 2, 3)).containsExactly("按时报送", "逾期报送（逾期3天）");
            assertThat(sheet.getRow(5).getCell(18).getStringCellValue()).isEqualTo("未报送");
            assertThat(sheet.getRow(2).getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(sheet.getRow(2).getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        }
    }

    @Test
    void summaryIsFrozenAndPrintsOnA4LandscapeWithTheHeaderRepeated() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            XSSFSheet sheet = workbook.getSheet("汇总");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("2:2");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            // 主管部门 wraps at 16 characters so the figures keep the page; headers break where they say
            assertThat(sheet.getColumnWidth(0)).isEqualTo(16 * 256);
            assertThat(sheet.getRow(1).getCell(11).getStringCellValue()).isEqualTo("核定\n总分");
            assertThat(sheet.getRow(1).getCell(11).getCellStyle().getWrapText()).isTrue();
            assertThat(sheet.getRow(1).getHeightInPoints()).as("two header lines at least").isGreaterThanOrEqualTo(2 * 14.5f);
            assertThat(sheet.getFooter().getRight()).isEqualTo("第 &P 页，共 &N 页");
        }
    }

    /**
     * Sheets are written on several threads; the names they give the workbook (print titles, 问题清单's auto-filter)
     * still come in sheet order, a sheet's filter before its titles, on every run.
     */
    @Test
    void theWorkbooksNamesComeInSheetOrderWhicheverSheetFinishedFirst() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            List<String> named = workbook.getAllNames().stream()
                    .map(name -> name.getSheetIndex() + " " + name.getNameName()).toList();
            assertThat(named).hasSizeGreaterThan(4)
                    .containsSubsequence("3 " + XSSFName.BUILTIN_FILTER_DB, "3 " + XSSFName.BUILTIN_PRINT_TITLE);
            assertThat(workbook.getAllNames()).extracting(org.apache.poi.ss.usermodel.Name::getSheetIndex).isSorted();
        }
    }

    /**
     * Every sheet prints at 60 % or more: one page wide when its columns allow it, else spread over as many pages wide
     * as keep that scale, with the unit columns repeated on each. The scale is what Excel and LibreOffice derive from
     * the column widths (a character of Calibri 11 is 7 pixels, a column 5 more) and A4 landscape less the margins.
     */
    @Test
    void everySheetPrintsAtAReadableScaleWithTheUnitRepeatedAcrossPages() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            for (Sheet sheet : workbook) {
                XSSFSheet xssf = (XSSFSheet) sheet;
                double printable = (297 - 25.4 * (xssf.getMargin(org.apache.poi.ss.usermodel.PageMargin.LEFT)
                        + xssf.getMargin(org.apache.poi.ss.usermodel.PageMargin.RIGHT))) / 25.4 * 96;
                double pixels = 0;
                for (int c = 0; c <= lastColumn(sheet); c++) {
                    pixels += sheet.getColumnWidth(c) / 256.0 * 7 + 5;
                }
                int pagesWide = sheet.getPrintSetup().getFitWidth();
                double scale = Math.min(1, pagesWide * printable / pixels);
                assertThat(scale).as(sheet.getSheetName() + " printed scale").isGreaterThanOrEqualTo(0.6);
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                if (pagesWide > 1) {
                    assertThat(xssf.getRepeatingColumns()).as(sheet.getSheetName()).isNotNull();
                }
            }
            // 指标得分 has two columns per indicator: it cannot fit one page at 60 %, so 单位代码 and 单位名称 repeat
            XSSFSheet scores = workbook.getSheet("指标得分");
            assertThat(scores.getPrintSetup().getFitWidth()).isGreaterThan((short) 1);
            assertThat(scores.getRepeatingColumns().formatAsString()).isEqualTo("A:B");
            assertThat(workbook.getSheet("汇总").getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        }
    }

    @Test
    void aLongFindingWrapsInItsRowAndIsNeverCut() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            XSSFSheet sheet = workbook.getSheet("问题清单");
            Cell message = sheet.getRow(2).getCell(8);
            assertThat(message.getCellStyle().getWrapText()).isTrue();
            // the C14 message is 64 display columns wide (9 + 8 + 7 + 10 + 8 + 22); the column is 44, so it takes two lines
            assertThat(org.evalbook.framework.DisplayWidth.of(SmallConsolidation.AT_MESSAGE)).isEqualTo(64);
            assertThat(sheet.getColumnWidth(8)).isEqualTo(44 * 256);
            assertThat(sheet.getRow(2).getHeightInPoints()).isEqualTo(2 * 14.5f + 3);
        }
    }

    private static int lastColumn(Sheet sheet) {
        int last = 0;
        for (Row row : sheet) {
            last = Math.max(last, row.getLastCellNum() - 1);
        }
        return last;
    }

    @Test
    void unitTextIsAlwaysAStringCellAndNoCellIsAFormula() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            Cell name = workbook.getSheet("汇总").getRow(2).getCell(2);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo("=1+1");
            Row finding = workbook.getSheet("问题清单").getRow(2);
            assertThat(finding.getCell(8).getCellType()).isEqualTo(CellType.STRING);
            assertThat(finding.getCell(8).getStringCellValue()).isEqualTo(SmallConsolidation.AT_MESSAGE);
            assertThat(workbook.getSheet("问题清单").getRow(4).getCell(8).getStringCellValue()).isEqualTo("-联系人电话为空，请补填");
            List<Cell> formulas = new ArrayList<>();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == CellType.FORMULA) {
                    formulas.add(cell);
                }
            })));
            assertThat(formulas).isEmpty();
        }
    }

    @Test
    void findingsListEveryFindingWithAFileLinkObjectAndAnAutofilter() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            XSSFSheet sheet = workbook.getSheet("问题清单");
            assertThat(texts(sheet.getRow(2), 0, 12)).containsExactly("001", "=1+1", SmallConsolidation.FIRST_FILE, "绩效指标表", "H40",
                    "C14", "自评得分有误", "错误", SmallConsolidation.AT_MESSAGE, "100.00", "95.00", "否", "");
            assertThat(texts(sheet.getRow(3), 3, 12)).containsExactly("基础数据表", "F20、F21", "C10", "预算执行率偏离", "警告",
                    "预算执行率偏离，请说明原因", "90%–100%", "90.25%", "是", "=年底项目资金未拨付完毕");
            assertThat(texts(sheet.getRow(4), 0, 5)).containsExactly("004", "县票据中心", "004.xlsx", "", "", "C11");
            assertThat(sheet.getRow(5) == null).as("no row after the last finding").isTrue();
            XSSFHyperlink link = sheet.getHyperlink(2, 2);
            assertThat(link.getType()).isEqualTo(HyperlinkType.FILE);
            // relative to the workbook's folder, the space escaped, the Chinese kept
            assertThat(link.getAddress()).isEqualTo("收回%20文件/001.xlsx");
            assertThat(sheet.getHyperlink(4, 2).getAddress()).isEqualTo("004.xlsx");
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:M5");
        }
    }

    @Test
    void scoresHaveOneBlockPerProfileWithSelfScoresBeside() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            Sheet sheet = workbook.getSheet("指标得分");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("评价方案：默认方案（3个单位）");
            assertThat(texts(sheet.getRow(3), 2, 5)).containsExactly("核定", "自评", "核定", "自评");
            assertThat(texts(sheet, 1, 4, 6)).containsExactly("=1+1", "县计生协", "县票据中心");
            assertThat(numbers(sheet.getRow(4), 2, 3)).containsExactly(100.0, 95.0);
            int indicators = SmallConsolidation.SCORES.indicators().size();
            assertThat(sheet.getRow(4).getLastCellNum()).isEqualTo((short) (4 + 2 * indicators));
            var firstIndicator = SmallConsolidation.SCORES.indicators().get(0);
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).startsWith(firstIndicator.name() + "（");
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(firstIndicator.score().orElseThrow().doubleValue());
            assertThat(sheet.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(firstIndicator.weight().doubleValue());
        }
    }

    @Test
    void submissionListsTheRosterThenEveryFileWithTheEquation() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            Sheet sheet = workbook.getSheet("报送情况");
            assertThat(texts(sheet.getRow(2), 0, 5)).containsExactly("县卫健委", "001", "=1+1", "李会计", "001@example.cn", "按时报送");
            assertThat(sheet.getRow(2).getCell(6).getLocalDateTimeCellValue()).isEqualTo("2027-03-30T09:15");
            assertThat(texts(sheet, 5, 2, 5)).containsExactly("按时报送", "未报送", "逾期报送（逾期3天）", "按时报送");
            assertThat(sheet.getRow(4).getCell(7).getNumericCellValue()).isEqualTo(3.0);
            assertThat(sheet.getRow(3).getCell(6).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(7).getCell(0).getStringCellValue())
                    .isEqualTo("收到文件5个 = 已采用3 + 被替代1 + 未匹配0 + 已拒收0 + 已忽略1");
            assertThat(texts(sheet, 0, 9, 13)).containsExactly(SmallConsolidation.FIRST_FILE, "002.xlsx", "004.xlsx", "旧/001.xlsx", "~$002.xlsx");
            assertThat(texts(sheet.getRow(12), 0, 2)).containsExactly("旧/001.xlsx", "被替代", "001");
            assertThat(sheet.getRow(12).getCell(3).getLocalDateTimeCellValue()).isEqualTo("2027-03-28T09:15");
            assertThat(sheet.getRow(12).getCell(4).getStringCellValue()).isEqualTo("同一单位有更新的填报表");
        }
    }

    @Test
    void statisticsEqualColumnStatisticsOnTheSameValues() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            Sheet sheet = workbook.getSheet("统计分析");
            assertStatistics(row(sheet, "决算数·本年支出合计（万元）"), List.of("90.25", "48", "20"));
            assertStatistics(row(sheet, "编制数（人）"), List.of("7", "5", "3"));
            assertStatistics(row(sheet, "决算数·\"三公\"经费合计（万元）"), List.of("1.2", "0.5"));
            assertStatistics(row(sheet, "默认方案·总分"), List.of("100", "100", "100"));
            Row rate = row(sheet, "预算执行率（本年支出合计决算数÷调整后预算数，无调整后预算数时÷年初预算数）");
            assertStatistics(rate, List.of("0.9025", "0.8", "0.8"));
            assertThat(rate.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(row(sheet, "决算数·本年支出合计（万元）").getCell(9).getStringCellValue()).isEqualTo("无");
        }
    }

    @Test
    void statisticsChartTheGradesAndTheTotalsFromCellsOnTheSheet() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            XSSFSheet sheet = workbook.getSheet("统计分析");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);

            XSSFChart grades = charts.get(0);
            assertThat(grades.getTitleText().getString()).isEqualTo("核定等级分布");
            assertThat(grades.getCTChart().getPlotArea().getBarChartArray()).hasSize(1);
            assertThat(grades.getCTChart().toString()).contains("核定等级", "单位数（家）");
            XDDFChartData.Series bars = grades.getChartSeries().get(0).getSeries(0);
            int first = row(sheet, "核定等级").getRowNum() + 1;
            String categories = "统计分析!$A$" + (first + 1) + ":$A$" + (first + 4);
            assertThat(bars.getCategoryData().getDataRangeReference()).isEqualTo(categories);
            assertThat(bars.getValuesData().getDataRangeReference()).isEqualTo("统计分析!$B$" + (first + 1) + ":$B$" + (first + 4));
            // SmallConsolidation: the three returns all score 100, 优
            assertThat(cells(sheet, categories)).containsExactly("优", "良", "中", "差");
            assertThat(cells(sheet, bars.getValuesData().getDataRangeReference())).containsExactly(3.0, 0.0, 0.0, 0.0);

            XSSFChart scores = charts.get(1);
            assertThat(scores.getTitleText().getString()).isEqualTo("核定总分与自评总分（每点一个单位）");
            assertThat(scores.getCTChart().getPlotArea().getScatterChartArray()).hasSize(1);
            assertThat(scores.getCTChart().toString()).contains("核定总分（分）", "自评总分（分）");
            XDDFChartData.Series points = scores.getChartSeries().get(0).getSeries(0);
            int unit = row(sheet, "单位名称").getRowNum() + 1;
            assertThat(points.getCategoryData().getDataRangeReference()).isEqualTo("统计分析!$B$" + (unit + 1) + ":$B$" + (unit + 3));
            assertThat(points.getValuesData().getDataRangeReference()).isEqualTo("统计分析!$C$" + (unit + 1) + ":$C$" + (unit + 3));
            assertThat(texts(sheet, 0, unit, unit + 2)).containsExactly("=1+1", "县计生协", "县票据中心");
            assertThat(cells(sheet, points.getCategoryData().getDataRangeReference())).containsExactly(100.0, 100.0, 100.0);
            assertThat(cells(sheet, points.getValuesData().getDataRangeReference())).containsExactly(95.0, 100.0, 100.0);
        }
    }

    @Test
    void gradesSeveritiesAndLateOrMissingUnitsAreColoured() throws IOException {
        try (XSSFWorkbook workbook = read(written())) {
            XSSFSheet summary = workbook.getSheet("汇总");
            // 001: recomputed 优 (green), self 良 (blue); statuses 按时 (plain), 逾期 (amber), 未报送 (red)
            assertThat(fill(summary.getRow(2).getCell(12))).isEqualTo("FFC6EFCE");
            assertThat(fill(summary.getRow(2).getCell(14))).isEqualTo("FFDDEBF7");
            assertThat(fill(summary.getRow(2).getCell(18))).isNull();
            assertThat(fill(summary.getRow(3).getCell(18))).isEqualTo("FFFFEB9C");
            assertThat(fill(summary.getRow(5).getCell(18))).isEqualTo("FFFFC7CE");
            assertThat(summary.getRow(5).getCell(18).getCellStyle().getFont().getXSSFColor().getARGBHex()).isEqualTo("FF9C0006");
            XSSFSheet findings = workbook.getSheet("问题清单");
            assertThat(texts(findings, 7, 2, 4)).containsExactly("错误", "警告", "错误");
            assertThat(fill(findings.getRow(2).getCell(7))).isEqualTo("FFFFC7CE");
            assertThat(fill(findings.getRow(3).getCell(7))).isEqualTo("FFFFEB9C");
            XSSFSheet submission = workbook.getSheet("报送情况");
            assertThat(fill(submission.getRow(2).getCell(5))).isNull();
            assertThat(fill(submission.getRow(3).getCell(5))).isEqualTo("FFFFC7CE");
            assertThat(fill(submission.getRow(4).getCell(5))).isEqualTo("FFFFEB9C");
        }
    }

    /** A 差 grade is red, a 中 amber: the colours follow the framework's bands, best first. */
    @Test
    void everyGradeOfTheFrameworkHasItsColour() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            ReportStyles styles = ReportStyles.of(workbook, List.of("优", "良", "中", "差"));
            assertThat(List.of("优", "良", "中", "差").stream().map(g -> fill(styles.grade(g))).toList())
                    .containsExactly("FFC6EFCE", "FFDDEBF7", "FFFFEB9C", "FFFFC7CE");
            assertThat(styles.grade("优秀")).isSameAs(styles.text());
            assertThat(styles.severity(org.evalbook.finding.Severity.INFO)).isSameAs(styles.text());
        }
    }

    private static String fill(Cell cell) {
        return fill(cell.getCellStyle());
    }

    private static String fill(org.apache.poi.ss.usermodel.CellStyle style) {
        org.apache.poi.xssf.usermodel.XSSFColor color = ((org.apache.poi.xssf.usermodel.XSSFCellStyle) style).getFillForegroundXSSFColor();
        return color == null ? null : color.getARGBHex();
    }

    /** The values of a one-column range on the sheet: strings or numbers. */
    private static List<Object> cells(Sheet sheet, String range) {
        org.apache.poi.ss.util.AreaReference area = new org.apache.poi.ss.util.AreaReference(range, org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
        List<Object> values = new ArrayList<>();
        for (org.apache.poi.ss.util.CellReference ref : area.getAllReferencedCells()) {
            Cell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
            values.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : (Object) cell.getNumericCellValue());
        }
        return values;
    }

    @Test
    void writingOverAnExistingWorkbookLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("汇总结果.xlsx");
        Files.writeString(out, "上一次的汇总");
        written();
        try (XSSFWorkbook workbook = read(out)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
        }
        assertThat(listing()).containsExactly("汇总结果.xlsx");
    }

    @Test
    void aFailureWhileWritingKeepsTheExistingWorkbookIntact() throws IOException {
        Path out = dir.resolve("汇总结果.xlsx");
        Files.writeString(out, "上一次的汇总");
        Consolidation good = SmallConsolidation.of(dir);
        // A unit without a roster row cannot be written: the failure comes mid-way through 汇总, after 综述 was streamed.
        List<UnitResult> units = new ArrayList<>(good.units());
        units.add(new UnitResult(null, UnitStatus.MISSING, Optional.empty(), OptionalLong.empty(), Optional.empty(), ""));
        Consolidation broken = new Consolidation(good.deadline(), units, good.files(), good.unmatched());
        assertThatThrownBy(() -> ConsolidatedWorkbook.write(out, broken, SmallConsolidation.FRAMEWORK, NARRATIVE, Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThat(Files.readString(out)).isEqualTo("上一次的汇总");
        assertThat(listing()).containsExactly("汇总结果.xlsx");
    }

    /** The streamed sheets' temporary files go once the workbook is written, and when writing it fails. */
    @Test
    void theSheetsTemporaryFilesAreDeletedWrittenOrNot() throws IOException {
        Path poiFiles = Files.createDirectories(dir.resolve("poi-temp"));
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiFiles.toFile()));
        try {
            Consolidation good = SmallConsolidation.of(dir);
            ConsolidatedWorkbook.write(dir.resolve("好.xlsx"), good, SmallConsolidation.FRAMEWORK, NARRATIVE, Optional.empty());
            assertThat(poiFiles.toFile().list()).isEmpty();
            List<UnitResult> units = new ArrayList<>(good.units());
            units.add(new UnitResult(null, UnitStatus.MISSING, Optional.empty(), OptionalLong.empty(), Optional.empty(), ""));
            Consolidation broken = new Consolidation(good.deadline(), units, good.files(), good.unmatched());
            assertThatThrownBy(() -> ConsolidatedWorkbook.write(dir.resolve("坏.xlsx"), broken, SmallConsolidation.FRAMEWORK, NARRATIVE,
                    Optional.empty())).isInstanceOf(NullPointerException.class);
            assertThat(poiFiles.toFile().list()).isEmpty();
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    @Test
    void theTemporaryFileIsRemovedWhenItsContentFails() throws IOException {
        Path out = dir.resolve("out.xlsx");
        Files.writeString(out, "旧内容");
        assertThatThrownBy(() -> AtomicFile.write(out, stream -> {
            stream.write(new byte[] {1, 2, 3});
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(out)).isEqualTo("旧内容");
        assertThat(listing()).containsExactly("out.xlsx");
        AtomicFile.write(out, stream -> stream.write("新内容".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(Files.readString(out)).isEqualTo("新内容");
        assertThat(listing()).containsExactly("out.xlsx");
    }

    @Test
    void libreOfficeConvertsTheWorkbookToPdf() throws Exception {
        Optional<Path> soffice = LibreOfficeRunner.find();
        if (soffice.isEmpty()) {
            System.out.println("SKIPPED: LibreOffice (soffice) is not installed; the consolidated workbook was not converted to PDF.");
            return;
        }
        Path out = written();
        Path pdfDir = Files.createDirectories(dir.resolve("pdf"));
        LibreOfficeRunner.convert(soffice.get(), List.of(out), "pdf", pdfDir);
        Path pdf = pdfDir.resolve("汇总结果.pdf");
        assertThat(pdf).exists();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private void assertStatistics(Row row, List<String> values) {
        ColumnStatistics expected = ColumnStatistics.of("x", values.stream().map(BigDecimal::new).toList()).orElseThrow();
        assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(expected.count());
        assertThat(row.getCell(2).getNumericCellValue()).isCloseTo(expected.mean(), within(1e-12));
        assertThat(row.getCell(3).getNumericCellValue()).isCloseTo(expected.median(), within(1e-12));
        assertThat(row.getCell(4).getNumericCellValue()).isCloseTo(expected.standardDeviation().orElseThrow(), within(1e-12));
        assertThat(row.getCell(5).getNumericCellValue()).isCloseTo(expected.q1(), within(1e-12));
        assertThat(row.getCell(6).getNumericCellValue()).isCloseTo(expected.q3(), within(1e-12));
        assertThat(row.getCell(7).getNumericCellValue()).isCloseTo(expected.min(), within(1e-12));
        assertThat(row.getCell(8).getNumericCellValue()).isCloseTo(expected.max(), within(1e-12));
    }

    private static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet.getSheetName());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<String> texts(Sheet sheet, int column, int firstRow, int lastRow) {
        List<String> texts = new ArrayList<>();
        for (int r = firstRow; r <= lastRow; r++) {
            Cell cell = sheet.getRow(r).getCell(column);
            texts.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "<" + cell.getCellType() + ">");
        }
        return texts;
    }

    private static List<String> texts(Row row, int first, int last) {
        List<String> texts = new ArrayList<>();
        for (int c = first; c <= last; c++) {
            Cell cell = row.getCell(c);
            texts.add(cell == null ? "" : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "<" + cell.getCellType() + ">");
        }
        return texts;
    }

    /** Numbers of the cells; null for a blank cell (a blank must stay blank, never 0). */
    private static List<Double> numbers(Row row, int first, int last) {
        List<Double> numbers = new ArrayList<>();
        for (int c = first; c <= last; c++) {
            Cell cell = row.getCell(c);
            numbers.add(cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue());
        }
        return numbers;
    }
}
