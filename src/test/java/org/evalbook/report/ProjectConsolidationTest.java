package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.pipeline.CheckedReturn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project returns consolidated beside the 部门整体支出 ones: 项目自评, 问题清单, 报送情况 and the 综述 paragraph. */
class ProjectConsolidationTest {
    private static final String BUREAU = "县财政局";

    /** One workbook for the whole class: writing it (with its charts) is the slow part. */
    @TempDir
    static Path temp;
    private static Consolidation consolidation;
    private static Path out;

    @BeforeAll
    static void write() throws Exception {
        consolidation = ProjectReturns.of(temp);
        out = temp.resolve("汇总.xlsx");
        ConsolidatedWorkbook.write(out, consolidation, SmallConsolidation.FRAMEWORK, narrative(consolidation), Optional.empty());
    }

    @Test
    void projectSheetListsEveryProjectInRosterOrderWithBlanksLeftBlankAndTotalsSayingHowManyGaveEachAmount() throws Exception {
        try (XSSFWorkbook workbook = open()) {
            assertThat(sheetNames(workbook)).containsExactly("综述", "汇总", "指标得分", "问题清单", "项目自评", "报送情况", "统计分析");
            Sheet sheet = workbook.getSheet(ProjectSheet.NAME);
            assertThat(text(sheet)).isEqualTo("""
                    2023年度项目支出绩效自评汇总表（金额单位：万元）
                    单位代码|单位名称|项目名称|工作表|年初\\n预算数|全年\\n预算数|全年\\n执行数|执行率|执行率\\n得分|复核\\n总分|自评\\n总分|差额\\n（自评−复核）|复核\\n等级|自评\\n等级|错误\\n（条）|警告\\n（条）|问题清单
                    001|=1+1|农村改厕补助|项目1|100.00|120.00|90.00|75.00%|7.50|87.50|95.00|7.50|良|优|2|0|查看（2条）
                    001|=1+1|乡村道路养护|项目2||50.00|50.00|100.00%|10.00|100.00|100.00|0.00|优|优|0|0|无
                    004|县票据中心|票据系统运维|项目1|30.00||20.00||0.00|90.00|92.00|2.00|优|优|2|1|查看（3条）
                    合计|共2个单位3个项目|||130.00|170.00|160.00|82.35%|||||||4|1|
                    填报项目数|合计只含填报了该项的项目|||2|2|3||||||||||
                    """);
            // A blank amount is an empty cell, never 0; the unit's name is text, never a formula.
            assertThat(sheet.getRow(3).getCell(4).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(2).getCell(7).getNumericCellValue()).isEqualTo(0.75);
            assertThat(sheet.getRow(2).getCell(16).getHyperlink().getAddress()).isEqualTo("'问题清单'!A5");
            assertThat(sheet.getRow(4).getCell(16).getHyperlink().getAddress()).isEqualTo("'问题清单'!A8");
        }
    }

    @Test
    void findingsListProjectFindingsAfterTheUnitsDepartmentOnesNamingTheProjectSheet() throws Exception {
        try (XSSFWorkbook workbook = open()) {
            Sheet sheet = workbook.getSheet(FindingsSheet.NAME);
            List<String> rows = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.add(String.join("|", cell(row, 0), cell(row, 2), cell(row, 3), cell(row, 4), cell(row, 5)));
            }
            assertThat(rows).containsExactly(
                    "001|" + SmallConsolidation.FIRST_FILE + "|绩效指标表|H40|C14",
                    "001|" + SmallConsolidation.FIRST_FILE + "|基础数据表|F20、F21|C10",
                    "001|" + ProjectReturns.FILE_001 + "|项目1|J20|C14",
                    "001|" + ProjectReturns.FILE_001 + "|项目1|I12|C16",
                    "004|004.xlsx|||C11",
                    "004|" + ProjectReturns.FILE_004 + "|项目1|D6|C11",
                    "004|" + ProjectReturns.FILE_004 + "|项目1|J20|C14",
                    "004|" + ProjectReturns.FILE_004 + "|项目1|J8|C23");
        }
    }

    @Test
    void submissionsSayPerUnitWhetherItsProjectReturnCame() throws Exception {
        try (XSSFWorkbook workbook = open()) {
            Sheet sheet = workbook.getSheet(SubmissionSheet.NAME);
            assertThat(cell(sheet.getRow(1), 10)).isEqualTo("项目自评");
            List<String> units = new ArrayList<>();
            for (int r = 2; r <= 5; r++) {
                units.add(cell(sheet.getRow(r), 1) + " " + cell(sheet.getRow(r), 5) + " " + cell(sheet.getRow(r), 10));
            }
            assertThat(units).containsExactly("001 按时报送 已报送2个项目", "003 未报送 未报送", "002 逾期报送（逾期3天） 未报送",
                    "004 按时报送 已报送1个项目");
        }
    }

    @Test
    void summaryHasAParagraphOnTheProjectSelfEvaluations() {
        assertThat(narrative(consolidation).lines()).contains("项目支出绩效自评方面，2家单位报送了3个项目的自评表。上述项目全年预算数合计170.00万元"
                + "（2个项目填报），全年执行数合计160.00万元，总体预算执行率为82.35%（按同时填报全年预算数和全年执行数的2个项目计算）。"
                + "经复核计分，评为“优”的2个、“良”的1个。自评总分高于复核总分的有2个项目，最多高出7.50分。"
                + "项目自评表中的主要问题：自评得分有误（C14），涉及2家单位、共2处；必填项为空（C11），涉及1家单位、共1处；"
                + "评分规则误用（C16），涉及1家单位、共1处。有2家单位的项目自评表存在错误，请核实修改后重新报送。");
    }

    @Test
    void theTerminalCountsTheProjectReturnsOnlyWhenThereAreSome() {
        assertThat(DeadlineJob.lines(consolidation)).hasSize(3).last().isEqualTo("项目支出绩效自评表：2 家单位报送，共 3 个项目。");
        assertThat(DeadlineJob.lines(SmallConsolidation.of(temp))).hasSize(2);
    }

    @Test
    void withoutProjectReturnsThereIsNoProjectSheetColumnOrParagraph() throws Exception {
        Consolidation departmentOnly = SmallConsolidation.of(temp);
        Path plain = temp.resolve("部门.xlsx");
        String narrative = narrative(departmentOnly);
        ConsolidatedWorkbook.write(plain, departmentOnly, SmallConsolidation.FRAMEWORK, narrative, Optional.empty());
        assertThat(narrative).doesNotContain("项目");
        try (InputStream in = Files.newInputStream(plain); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(sheetNames(workbook)).containsExactly("综述", "汇总", "指标得分", "问题清单", "报送情况", "统计分析");
            assertThat(workbook.getSheet(SubmissionSheet.NAME).getRow(1).getLastCellNum()).isEqualTo((short) 10);
        }
    }

    /** The workbook and 综述 from kept copies and the spill are those from the returns in full, project returns included. */
    @Test
    void theSpillKeepsWhatTheProjectSheetAndParagraphNeed() throws Exception {
        Path spilled = temp.resolve("spilled.xlsx");
        try (ReturnSpill spill = ReturnSpill.in(Files.createDirectories(temp.resolve("spill")))) {
            List<UnitResult> units = new ArrayList<>();
            for (UnitResult unit : consolidation.units()) {
                units.add(new UnitResult(unit.roster(), unit.status(), unit.received(), unit.lateDays(), unit.adopted().map(spill::keep),
                        unit.matchedBy(), unit.project().map(spill::keep)));
            }
            Consolidation kept = new Consolidation(consolidation.deadline(), units, consolidation.files(), consolidation.unmatched());
            CheckedReturn keptProject = units.get(0).project().orElseThrow();
            assertThat(keptProject.projects().get(0).values().rows("pi")).isEmpty();
            assertThat(keptProject.projects().get(0).sources()).isEmpty();
            assertThat(spill.full(keptProject)).isEqualTo(consolidation.units().get(0).project().orElseThrow());
            String narrative = narrative(kept);
            assertThat(narrative).isEqualTo(narrative(consolidation));
            ConsolidatedWorkbook.write(spilled, kept, SmallConsolidation.FRAMEWORK, () -> narrative, Optional.empty(), spill);
        }
        assertThat(ReturnSpillTest.dump(spilled)).isEqualTo(ReturnSpillTest.dump(out)).contains("票据系统运维");
    }

    private static String narrative(Consolidation consolidation) {
        return SummaryNarrative.render(ConsolidationFacts.of(consolidation, SmallConsolidation.FRAMEWORK, BUREAU));
    }

    private static XSSFWorkbook open() throws Exception {
        try (InputStream in = Files.newInputStream(out)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** Each row's cells as shown, joined by |, line breaks inside a cell written as \n. */
    static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                cells.add(cell(row, c).replace("\n", "\\n"));
            }
            text.append(String.join("|", cells)).append('\n');
        }
        return text.toString();
    }

    private static String cell(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }
}
