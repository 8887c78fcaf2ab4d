package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.IndicatorRowScore;
import org.evalbook.check.ProjectScore;
import org.evalbook.check.ProjectScorer;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Frameworks;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.signing.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project sheet's formulas compute what {@link ProjectScorer} computes: random fillings are typed into the cells
 * through the sheet-scoped names, POI's evaluator recalculates, and every rate, score, total and grade must equal the
 * Java engine's, under each profile.
 */
class ProjectFormulasMatchScorerTest {
    static final ProjectFramework PROJECT = (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID);
    private static final int SHEETS = 25;  // per profile: 50 sheets in all

    @ParameterizedTest
    @ValueSource(strings = {"default", "output-heavy"})
    void formulasEqualTheEngine(String profileId) throws Exception {
        ProjectProfile profile = PROJECT.profile(profileId).orElseThrow();
        List<FieldValues> fillings = RandomProjects.many(profileId.hashCode(), SHEETS, 15);
        try (XSSFWorkbook workbook = ProjectWorkbookWriter.workbook(PROJECT, profile, Optional.empty(),
                fillings.stream().map(f -> FieldValues.builder().text("pj_name", f.text("pj_name").orElseThrow()).build()).toList(),
                SigningKey.PUBLIC_DEMO)) {
            List<XSSFSheet> sheets = ProjectCells.projectSheets(workbook);
            assertThat(sheets).hasSize(SHEETS);
            for (int i = 0; i < SHEETS; i++) {
                new ProjectCells(workbook, sheets.get(i)).fill(fillings.get(i));
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            ProjectScorer scorer = new ProjectScorer(PROJECT, profile);
            int kinds = 0;
            for (int i = 0; i < SHEETS; i++) {
                ProjectCells cells = new ProjectCells(workbook, sheets.get(i));
                ProjectScore expected = scorer.score(fillings.get(i));
                assertMatches(cells, expected, sheets.get(i).getSheetName());
                kinds += expected.rows().size();
            }
            assertThat(kinds).as("indicator rows compared").isGreaterThan(SHEETS * 3);
        }
    }

    @Test
    void aFreshFormShowsNoVerdict() throws Exception {
        ProjectProfile profile = PROJECT.profile("default").orElseThrow();
        try (XSSFWorkbook workbook = ProjectWorkbookWriter.workbook(PROJECT, profile, Optional.empty(), List.of(), SigningKey.PUBLIC_DEMO)) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            ProjectCells cells = new ProjectCells(workbook, ProjectCells.projectSheets(workbook).get(0));
            ProjectScore engine = new ProjectScorer(PROJECT, profile).score(FieldValues.builder().build());
            assertThat(cells.number("pj_score_total", 0)).as("总分 of a blank form").isEmpty();
            assertThat(cells.text("pj_grade")).as("等级 of a blank form").isEmpty();
            assertMatches(cells, engine, "blank");
            // Funds alone are no verdict yet; the first indicator typed is.
            cells.fill(FieldValues.builder().number("pj_funds_total_full", "10").number("pj_funds_total_exec", "9").build());
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            assertThat(cells.number("pj_score_total", 0)).isEmpty();
        }
    }

    /** Every computed name of one sheet against the engine's result. */
    static void assertMatches(ProjectCells cells, ProjectScore expected, String sheet) {
        assertThat(cells.number("pj_exec_rate", 0)).as(sheet + " pj_exec_rate").isEqualTo(expected.executionRate().map(ProjectFormulasMatchScorerTest::plain));
        assertThat(cells.number("pj_exec_score", 0)).as(sheet + " pj_exec_score").contains(plain(expected.executionScore()));
        for (IndicatorRowScore row : expected.rows()) {
            assertThat(cells.number("pi_score", row.index() - 1)).as(sheet + " pi_score row " + row.index() + " (" + row.kind() + ")")
                    .isEqualTo(row.score().map(ProjectFormulasMatchScorerTest::plain));
        }
        assertThat(cells.number("pj_score_total", 0)).as(sheet + " pj_score_total")
                .isEqualTo(expected.shownTotal().map(ProjectFormulasMatchScorerTest::plain));
        assertThat(cells.text("pj_grade")).as(sheet + " pj_grade").isEqualTo(expected.shownGrade());
    }

    /** As a double prints: 7.27, 10.0 — the form {@link BigDecimal#valueOf(double)} gives a cell's value. */
    static BigDecimal plain(BigDecimal value) {
        return BigDecimal.valueOf(value.doubleValue());
    }
}
