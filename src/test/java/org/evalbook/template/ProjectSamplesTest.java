package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.ProjectScore;
import org.evalbook.check.ProjectScorer;
import org.evalbook.framework.FieldValues;
import org.evalbook.signing.IssueIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed sample project returns are what {@link ProjectSamples} makes today (same names, same values, same
 * cached results, same layout), and plant what test-workbooks/project/README.md says they plant.
 */
class ProjectSamplesTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void committedSampleIsCurrent(int index) throws Exception {
        ProjectSamples.Sample sample = ProjectSamples.all().get(index);
        if (Boolean.getBoolean("evalbook.updateGolden")) {
            ProjectSamples.write(sample);
        }
        try (XSSFWorkbook fresh = ProjectSamples.build(sample); XSSFWorkbook committed = open(sample)) {
            String stale = sample.file() + " is stale: regenerate it (see ProjectSamples)";
            assertThat(ProjectSamples.namesDump(committed)).as(stale).isEqualTo(ProjectSamples.namesDump(fresh));
            assertThat(WorkbookDump.full(committed)).as(stale).isEqualTo(WorkbookDump.full(fresh));
            assertThat(IssueIdentity.meta(committed)).containsEntry("framework_id", "project-self").containsEntry("unit_code", sample.unitCode());
        }
    }

    @Test
    void kunmingScoresAsItsUnitSaysAndOvershootsOneTarget() throws Exception {
        ProjectSamples.Sample sample = ProjectSamples.kunming();
        assertThat(sample.projects()).extracting(ProjectSamples.Project::name).containsExactly("计生基层群众自治示范乡镇创建",
                "优秀会员之家创建", "流动人口服务管理示范点创建", "计划生育特殊家庭帮扶", "生育关怀行动", "青春健康项目");
        assertThat(sample.projects().stream().map(p -> p.funds().get("pj_funds_total_exec")).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the six named projects of the seed").isEqualByComparingTo("60.84");
        try (XSSFWorkbook workbook = open(sample)) {
            List<XSSFSheet> sheets = ProjectCells.projectSheets(workbook);
            assertThat(sheets).hasSize(6);
            for (int i = 0; i < sheets.size(); i++) {
                FieldValues values = ProjectSamples.values(sample, sample.projects().get(i));
                ProjectScore score = new ProjectScorer(ProjectSamples.PROJECT, ProjectSamples.profile()).score(values);
                ProjectCells cells = new ProjectCells(workbook, sheets.get(i));
                ProjectFormulasMatchScorerTest.assertMatches(cells, score, sheets.get(i).getSheetName());
                assertThat(values.number("pj_self_total")).as("self total = recomputed").contains(score.total());
                assertThat(values.text("pj_self_grade")).contains(score.grade()).contains("优");
                score.rows().forEach(row -> assertThat(values.rows("pi").get(row.index() - 1).numbers().get("pi_self"))
                        .as(cells.text("pj_name") + " row " + row.index()).isEqualByComparingTo(row.score().orElseThrow()));
                BigDecimal sum = values.number("pj_funds_fiscal_full").orElseThrow().add(values.number("pj_funds_other_full").orElse(BigDecimal.ZERO));
                assertThat(sum).as("funds add up").isEqualByComparingTo(values.number("pj_funds_total_full").orElseThrow());
            }
            ProjectCells youth = new ProjectCells(workbook, sheets.get(5));
            assertThat(youth.cell("pi_actual", 0).getNumericCellValue() / youth.cell("pi_target", 0).getNumericCellValue())
                    .as("3 of 2 示范点: above 120 % of the target (C29)").isGreaterThan(1.2);
            assertThat(youth.cell("pi_actual", 0).getAddress().formatAsString()).isEqualTo("G13");
        }
    }

    @Test
    void plantedMistakesSampleAZeroFundTotalAndAFullMarkForAMissedTarget() throws Exception {
        ProjectSamples.Sample sample = ProjectSamples.plantedMistakes();
        try (XSSFWorkbook workbook = open(sample)) {
            List<XSSFSheet> sheets = ProjectCells.projectSheets(workbook);
            assertThat(sheets).hasSize(2);
            ProjectCells zero = new ProjectCells(workbook, sheets.get(0));
            assertThat(zero.cell("pj_funds_total_full", 0).getAddress().formatAsString()).isEqualTo("F6");
            assertThat(zero.cell("pj_funds_total_full", 0).getNumericCellValue()).isZero();
            assertThat(zero.cell("pj_funds_total_exec", 0).getNumericCellValue()).isZero();
            assertThat(zero.cell("pj_funds_fiscal_exec", 0).getNumericCellValue() + zero.cell("pj_funds_other_exec", 0).getNumericCellValue())
                    .isCloseTo(29.4, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(zero.cell("pj_exec_rate", 0).getCachedFormulaResultType()).isEqualTo(CellType.STRING);
            assertThat(zero.cell("pj_exec_rate", 0).getStringCellValue()).as("执行率 cannot be computed").isEmpty();
            assertThat(zero.number("pj_exec_score", 0)).contains(BigDecimal.valueOf(0.0));
            FieldValues zeroValues = ProjectSamples.values(sample, sample.projects().get(0));
            ProjectScore zeroScore = new ProjectScorer(ProjectSamples.PROJECT, ProjectSamples.profile()).score(zeroValues);
            assertThat(zeroValues.number("pj_self_total")).as("the unit's total counts 执行率 as 0, as the engine does").contains(zeroScore.total());
            assertThat(zeroScore.total()).isEqualByComparingTo("87.67");

            ProjectCells missed = new ProjectCells(workbook, sheets.get(1));
            assertThat(missed.cell("pi_self", 0).getAddress().formatAsString()).isEqualTo("J13");
            assertThat(missed.cell("pi_self", 0).getNumericCellValue()).as("full marks").isEqualTo(missed.cell("pi_weight", 0).getNumericCellValue());
            assertThat(missed.number("pi_score", 0)).as("20 × 72.74 %").contains(new BigDecimal("14.55"));
            FieldValues missedValues = ProjectSamples.values(sample, sample.projects().get(1));
            ProjectScore missedScore = new ProjectScorer(ProjectSamples.PROJECT, ProjectSamples.profile()).score(missedValues);
            assertThat(missedScore.total()).isEqualByComparingTo("93.25");
            assertThat(missedValues.number("pj_self_total")).as("98.70 claimed").contains(new BigDecimal("98.70"));
            for (int i = 0; i < 2; i++) {
                ProjectFormulasMatchScorerTest.assertMatches(new ProjectCells(workbook, sheets.get(i)),
                        new ProjectScorer(ProjectSamples.PROJECT, ProjectSamples.profile()).score(ProjectSamples.values(sample, sample.projects().get(i))),
                        sheets.get(i).getSheetName());
            }
        }
    }

    /** Every sheet shares the one protection hash computed for the workbook, and the unit's password opens each. */
    @Test
    void everySheetIsProtectedByTheUnitsPassword() throws Exception {
        ProjectSamples.Sample sample = ProjectSamples.plantedMistakes();
        String password = TemplateWriter.protectionPassword(java.util.Optional.of(new UnitIssue(sample.unitCode(), sample.unitName(),
                sample.year(), "default", java.util.Optional.empty(), java.util.Optional.empty(), Issued.ISSUED_AT,
                FieldValues.builder().build())), org.evalbook.signing.SigningKey.PUBLIC_DEMO);
        try (XSSFWorkbook workbook = open(sample)) {
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                XSSFSheet sheet = workbook.getSheetAt(i);
                assertThat(sheet.getProtect()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.validateSheetPassword(password)).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.validateSheetPassword(password + "x")).as(sheet.getSheetName()).isFalse();
            }
        }
    }

    private static XSSFWorkbook open(ProjectSamples.Sample sample) throws Exception {
        try (InputStream in = Files.newInputStream(sample.file())) {
            return new XSSFWorkbook(in);
        }
    }
}
