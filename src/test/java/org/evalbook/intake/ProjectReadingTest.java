package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.TableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project return read back: its sheets by their sheet-scoped names, in both readers, and interpreted. */
class ProjectReadingTest {
    @TempDir
    Path dir;

    private final WorkbookReader reader = new WorkbookReader(Frameworks.bundled(Frameworks.DEFAULT_ID));

    @Test
    void eachProjectSheetIsReadByItsOwnSheetScopedNamesAndTheUnitByTheWorkbookScopedOnes() throws Exception {
        Path file = ProjectReturns.write(dir.resolve("two.xlsx"), List.of(ProjectReturns.consistent("项目1", "农民技能培训"),
                ProjectReturns.consistent("乡村道路养护", "乡村道路养护")));
        RawReturn raw = reader.read(file);
        assertThat(raw.findings()).isEmpty();
        assertThat(raw.sheets().keySet()).containsExactly("项目1", "乡村道路养护");
        assertThat(raw.names().get("unit_code").cells().get(0).ref()).isEqualTo("填报说明!B3");
        assertThat(raw.names()).doesNotContainKey("pj_name");
        assertThat(raw.sheets().get("乡村道路养护").get("pj_name").cells().get(0).text()).isEqualTo("乡村道路养护");
        assertThat(raw.sheets().get("项目1").get("pi_weight").cells()).hasSize(15);

        ProjectValues values = new ProjectValues(ProjectReturns.FRAMEWORK);
        ProjectSheet sheet = values.sheet(raw, "项目1");
        assertThat(sheet.findings()).isEmpty();
        assertThat(sheet.values().text("pj_name")).contains("农民技能培训");
        assertThat(sheet.values().number("pj_funds_total_exec")).contains(new BigDecimal("95"));
        assertThat(sheet.values().number("pj_funds_other_full")).isEmpty();
        assertThat(sheet.where("pj_funds_total_full")).contains("项目1!C8");
        assertThat(sheet.where("pi_self[4]")).contains("项目1!I22");
        assertThat(sheet.computed().get("pj_score_total").ref()).isEqualTo("项目1!F37");
        assertThat(sheet.computed()).containsKeys("pi_score[1]", "pi_score[5]").doesNotContainKey("pi_score[6]");
        List<TableRow> rows = sheet.values().rows("pi");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1).text("pi_target")).contains("95%");
        assertThat(rows.get(1).number("pi_target")).contains(new BigDecimal("0.95"));
        assertThat(rows.get(3).number("pi_actual")).contains(new BigDecimal("90"));
        assertThat(values.unit(raw).values().text("unit_name")).contains(ProjectReturns.UNIT_NAME);
    }

    @Test
    void indicatorValuesCarryTheirNumberInOneScale() {
        assertThat(quantity("100户")).contains(new BigDecimal("100"));
        assertThat(quantity("≥ 95%")).contains(new BigDecimal("0.95"));
        assertThat(quantity("500元")).as("元 is the row's unit, not a conversion to 万元").contains(new BigDecimal("500"));
        assertThat(quantity("１２个月")).contains(new BigDecimal("12"));
        assertThat(quantity("按时完成")).isEmpty();

        Map<String, BigDecimal> numbers = new java.util.HashMap<>(Map.of("pi_target", new BigDecimal("0.95"), "pi_actual", new BigDecimal("96")));
        ProjectValues.sameScale(numbers, Map.of("pi_target", true, "pi_actual", false), "");
        assertThat(numbers).containsEntry("pi_actual", new BigDecimal("0.96"));
        Map<String, BigDecimal> plain = new java.util.HashMap<>(Map.of("pi_target", new BigDecimal("500"), "pi_actual", new BigDecimal("520")));
        ProjectValues.sameScale(plain, Map.of(), "人次");
        assertThat(plain).containsEntry("pi_target", new BigDecimal("500"));
    }

    @Test
    void aDepartmentReturnHasNoProjectSheets() {
        RawReturn raw = reader.read(Path.of("test-workbooks", "consistent.xlsx"));
        assertThat(raw.sheets()).isEmpty();
    }

    @Test
    void beyondTwoHundredProjectSheetsTheRestIsLeftUnreadWithAFinding() throws Exception {
        Path file = dir.resolve("many.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            for (int i = 1; i <= ProjectContract.MAX_SHEETS + 3; i++) {
                workbook.createSheet("项目" + i).createRow(2).createCell(1).setCellValue("项目" + i);
                var name = workbook.createName();
                name.setSheetIndex(i - 1);
                name.setNameName("pj_name");
                name.setRefersToFormula("'项目" + i + "'!$B$3");
            }
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        RawReturn raw = reader.read(file);
        assertThat(raw.sheets()).hasSize(ProjectContract.MAX_SHEETS);
        assertThat(raw.findings()).extracting(f -> f.code()).containsExactly(FindingCode.F08);
        assertThat(raw.findings().get(0).message()).contains("203 个项目工作表");
    }

    private static Optional<BigDecimal> quantity(String text) {
        return ProjectValues.quantity(new RawCell("项目1!E19", "STRING", text, "", "", false)).map(ProjectValues.Quantity::value);
    }
}
