package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.IndicatorRowScore;
import org.evalbook.check.ProjectScore;
import org.evalbook.check.ProjectScorer;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.signing.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice as an independent engine for the project form: the sample returns and random fillings (both profiles)
 * are opened in headless LibreOffice with recalculation forced on load and saved; its 执行率, 执行率得分, row scores,
 * totals and grades, found again through the sheet-scoped names, must equal {@link ProjectScorer}'s. One sheet carries
 * a wrong cached total that LibreOffice must replace, proving it recalculated.
 */
class ProjectLibreOfficeTest {
    private static final int RANDOM_SHEETS = 12;  // per profile
    private static final double PLANTED = 12345;

    @TempDir
    Path temp;

    private record Case(ProjectProfile profile, List<FieldValues> sheets) {
    }

    @Test
    void libreOfficeComputesWhatTheEngineComputes() throws Exception {
        Optional<Path> soffice = LibreOfficeRunner.find();
        if (soffice.isEmpty()) {
            System.out.println("SKIPPED: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui. "
                    + "The project form's LibreOffice test did not run.");
        }
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        Path in = Files.createDirectories(temp.resolve("in"));
        Path out = Files.createDirectories(temp.resolve("out"));
        Map<Path, Case> cases = new LinkedHashMap<>();
        for (ProjectSamples.Sample sample : ProjectSamples.all()) {
            Path copy = in.resolve(sample.unitCode() + ".xlsx");
            Files.copy(sample.file(), copy);
            cases.put(copy, new Case(ProjectSamples.profile(), sample.projects().stream().map(p -> ProjectSamples.values(sample, p)).toList()));
        }
        for (ProjectProfile profile : ProjectSamples.PROJECT.profiles().values()) {
            List<FieldValues> fillings = RandomProjects.many(31L + profile.id().hashCode(), RANDOM_SHEETS, 15);
            Path file = in.resolve("random-" + profile.id() + ".xlsx");
            write(profile, fillings, file);
            cases.put(file, new Case(profile, fillings));
        }
        LibreOfficeRunner.convert(soffice.get(), List.copyOf(cases.keySet()), "xlsx", out);

        List<String> mismatches = new ArrayList<>();
        int sheets = 0;
        int compared = 0;
        for (Map.Entry<Path, Case> entry : cases.entrySet()) {
            Case c = entry.getValue();
            ProjectScorer scorer = new ProjectScorer(ProjectSamples.PROJECT, c.profile());
            try (InputStream recalculated = Files.newInputStream(out.resolve(entry.getKey().getFileName()));
                 XSSFWorkbook workbook = new XSSFWorkbook(recalculated)) {
                List<XSSFSheet> found = ProjectCells.projectSheets(workbook);
                assertThat(found).as(entry.getKey().getFileName() + " project sheets after LibreOffice").hasSize(c.sheets().size());
                for (int i = 0; i < found.size(); i++) {
                    ProjectCells cells = new ProjectCells(workbook, found.get(i));
                    ProjectScore engine = scorer.score(c.sheets().get(i));
                    String where = entry.getKey().getFileName() + " " + found.get(i).getSheetName() + " ";
                    compare(mismatches, where + "pj_exec_rate", engine.executionRate(), cells.number("pj_exec_rate", 0));
                    compare(mismatches, where + "pj_exec_score", Optional.of(engine.executionScore()), cells.number("pj_exec_score", 0));
                    for (IndicatorRowScore row : engine.rows()) {
                        compare(mismatches, where + "pi_score row " + row.index(), row.score(), cells.number("pi_score", row.index() - 1));
                    }
                    compare(mismatches, where + "pj_score_total", engine.shownTotal(), cells.number("pj_score_total", 0));
                    if (!engine.shownGrade().equals(cells.text("pj_grade"))) {
                        mismatches.add(where + "pj_grade: engine " + engine.shownGrade() + " ≠ LibreOffice " + cells.text("pj_grade"));
                    }
                    sheets++;
                    compared += 4 + engine.rows().size();
                }
            }
        }
        System.out.println("LibreOffice = engine: " + sheets + " sheets, " + compared + " values compared");
        assertThat(mismatches).isEmpty();
    }

    /** Random fillings typed into one workbook, cached values by POI; the first sheet's cached total made wrong. */
    private static void write(ProjectProfile profile, List<FieldValues> fillings, Path file) throws Exception {
        try (XSSFWorkbook workbook = ProjectWorkbookWriter.workbook(ProjectSamples.PROJECT, profile, Optional.empty(),
                fillings.stream().map(f -> FieldValues.builder().text("pj_name", f.text("pj_name").orElseThrow()).build()).toList(),
                SigningKey.PUBLIC_DEMO)) {
            List<XSSFSheet> sheets = ProjectCells.projectSheets(workbook);
            for (int i = 0; i < sheets.size(); i++) {
                new ProjectCells(workbook, sheets.get(i)).fill(fillings.get(i));
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            new ProjectCells(workbook, sheets.get(0)).cell("pj_score_total", 0).setCellValue(PLANTED);
            try (OutputStream stream = Files.newOutputStream(file)) {
                workbook.write(stream);
            }
        }
    }

    private static void compare(List<String> mismatches, String what, Optional<BigDecimal> engine, Optional<BigDecimal> libreOffice) {
        boolean same = engine.isPresent() && libreOffice.isPresent() ? engine.get().compareTo(libreOffice.get()) == 0
                : Objects.equals(engine, libreOffice);
        if (!same) {
            mismatches.add(what + ": engine " + engine.map(BigDecimal::toPlainString).orElse("（空）") + " ≠ LibreOffice "
                    + libreOffice.map(BigDecimal::toPlainString).orElse("（空）"));
        }
    }
}
