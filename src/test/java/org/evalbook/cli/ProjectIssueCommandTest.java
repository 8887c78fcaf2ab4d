package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.signing.IssueIdentity;
import org.evalbook.template.ProjectWorkbookWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code issue --framework project-self}: a unit's projects become its sheets, read back with POI through the names. */
class ProjectIssueCommandTest {
    private static final ProjectFramework PROJECT = (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID);

    @TempDir
    Path temp;

    @Test
    void issuesOneSheetPerListedProjectAndOneBlankSheetOtherwise() throws Exception {
        Path roster = temp.resolve("名册.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            rows(book.createSheet("单位"), List.of(
                    List.of("单位代码", "单位名称", "主管部门", "联系人", "邮箱", "年度"),
                    List.of("0530101", "昆明市计划生育协会", "昆明市卫生健康委员会", "张三", "km@example.cn", "2017"),
                    List.of("0530102", "某某中心", "某某局", "李四", "mm@example.cn", "2017")));
            rows(book.createSheet("项目"), List.of(
                    List.of("单位代码", "项目名称", "年初预算数", "实施单位"),
                    List.of("0530101", "计生基层群众自治示范乡镇创建", "15.4", ""),
                    List.of("0530101", "优秀会员之家创建", "9", "盘龙区计生协"),
                    List.of("0530101", "=1+1", "", "")));
            try (var out = Files.newOutputStream(roster)) {
                book.write(out);
            }
        }
        Path out = temp.resolve("下发");
        CliRun run = CliRun.of("issue", "--framework", "project-self", "--roster", roster.toString(), "--out", out.toString(), "--demo-key");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (XSSFWorkbook kunming = open(out.resolve("0530101_昆明市计划生育协会_2017_项目支出绩效自评.xlsx"));
             XSSFWorkbook other = open(out.resolve("0530102_某某中心_2017_项目支出绩效自评.xlsx"))) {
            assertThat(projectSheets(kunming)).containsExactly("计生基层群众自治示范乡镇创建", "优秀会员之家创建", "=1+1");
            assertThat(projectSheets(other)).containsExactly("项目1");
            for (XSSFWorkbook workbook : List.of(kunming, other)) {
                assertNames(workbook);
                assertThat(IssueIdentity.meta(workbook)).containsEntry("framework_id", "project-self").containsEntry("profile", "default");
            }
            assertThat(value(kunming, 1, "pj_name").getStringCellValue()).isEqualTo("计生基层群众自治示范乡镇创建");
            assertThat(value(kunming, 1, "pj_funds_total_initial").getNumericCellValue()).isEqualTo(15.4);
            assertThat(value(kunming, 1, "pj_dept").getStringCellValue()).isEqualTo("昆明市卫生健康委员会");
            assertThat(value(kunming, 1, "pj_unit").getStringCellValue()).isEqualTo("昆明市计划生育协会");
            assertThat(value(kunming, 2, "pj_unit").getStringCellValue()).isEqualTo("盘龙区计生协");
            var formulaLike = value(kunming, 3, "pj_name");
            assertThat(formulaLike.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formulaLike.getStringCellValue()).isEqualTo("=1+1");
            assertThat(value(kunming, 3, "pj_funds_total_initial").getCellType()).isEqualTo(CellType.BLANK);
            assertThat(value(other, 1, "pj_name").getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void refusesBadProjectRowsNamingFileRowAndFix() throws Exception {
        Path roster = Files.writeString(temp.resolve("名册.csv"), "单位代码,单位名称,主管部门,联系人,邮箱,年度\n"
                + "0530101,昆明市计划生育协会,昆明市卫健委,张三,km@example.cn,2017\n", StandardCharsets.UTF_8);
        Path projects = Files.writeString(temp.resolve("项目清单.csv"), "单位代码,项目名称,年初预算数\n"
                + "0530101,会员之家,9\n0539999,流动人口示范点,11\n0530101,,5\n0530101,青春健康,十五万\n", StandardCharsets.UTF_8);
        Path out = temp.resolve("下发");
        CliRun run = CliRun.of("issue", "--framework", "project-self", "--roster", roster.toString(), "--projects", projects.toString(),
                "--out", out.toString(), "--demo-key");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("项目清单.csv：名册有 3 处问题，未生成任何填报表")
                .contains("第 3 行 A3：单位代码“0539999”不在名册中")
                .contains("第 4 行 B4：项目名称为空。请填写项目名称")
                .contains("第 5 行 C5：“十五万”不是数字（年初预算数）");
        assertThat(out).doesNotExist();
    }

    @Test
    void theDepartmentRosterServesTheProjectFormWithItsFiguresAndProfilesSetAside() {
        Path out = temp.resolve("out-shared-roster");
        CliRun run = CliRun.of("issue", "--framework", "project-self", "--roster", "test-workbooks/roster.xlsx", "--out", out.toString(), "--demo-key");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("0430405_珠晖区计划生育协会_2022_项目支出绩效自评.xlsx")).exists();
        assertThat(run.err()).contains("“评价方案”列用于部门整体支出绩效评价表，下发项目支出绩效自评表时不用（项目自评按 --profile 指定的方案计分）")
                .contains("“年初预算数·本年支出合计”列用于部门整体支出绩效评价表");
    }

    @Test
    void projectsOptionIsRefusedForTheDepartmentForm() {
        CliRun run = CliRun.of("issue", "--roster", "test-workbooks/roster.xlsx", "--projects", "x.csv", "--out", temp.toString(), "--demo-key");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--projects 只用于项目支出绩效自评");
    }

    @Test
    void fieldsListsTheProjectContractWithItsScopes() {
        CliRun run = CliRun.of("fields", "--framework", "project-self");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("| `pj_exec_rate` | 预算执行率 | % | 百分比 | 公式计算（锁定） | 单元格 | 每张项目表 |")
                .contains("| `pi_score` |").contains("| `unit_code` | 单位代码 |").contains("| 整个工作簿 |");
    }

    /** Every pj_/pi_ name on every project sheet, sheet-scoped, pointing into that sheet; unit names workbook-scoped. */
    private static void assertNames(XSSFWorkbook workbook) {
        List<DefinedName> contract = ProjectWorkbookWriter.contract(PROJECT);
        List<Integer> sheets = IntStream.range(0, workbook.getNumberOfSheets())
                .filter(i -> projectSheets(workbook).contains(workbook.getSheetName(i))).boxed().toList();
        for (DefinedName name : contract) {
            List<XSSFName> defined = workbook.getNames(name.id());
            if (ProjectWorkbookWriter.isSheetScoped(name)) {
                assertThat(defined).extracting(XSSFName::getSheetIndex).as(name.id()).containsExactlyInAnyOrderElementsOf(sheets);
                for (XSSFName n : defined) {
                    assertThat(n.getSheetName()).isEqualTo(workbook.getSheetName(n.getSheetIndex()));
                }
            } else {
                assertThat(defined).extracting(XSSFName::getSheetIndex).as(name.id()).containsExactly(-1);
            }
        }
    }

    private static List<String> projectSheets(XSSFWorkbook workbook) {
        return workbook.getNames("pj_name").stream().sorted(java.util.Comparator.comparingInt(XSSFName::getSheetIndex))
                .map(n -> workbook.getSheetName(n.getSheetIndex())).toList();
    }

    private static org.apache.poi.ss.usermodel.Cell value(XSSFWorkbook workbook, int sheet, String id) {
        XSSFName name = workbook.getNames(id).stream().filter(n -> n.getSheetIndex() == sheet).findFirst().orElseThrow();
        CellReference ref = new AreaReference(name.getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
        Row row = workbook.getSheetAt(sheet).getRow(ref.getRow());
        return row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static void rows(Sheet sheet, List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
        }
    }
}
