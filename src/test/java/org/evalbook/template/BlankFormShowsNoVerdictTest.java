package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.Profile;
import org.evalbook.signing.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A freshly issued form shows no verdict: every rule score, 规则总分 and 等级 are blank until the unit types what the
 * rules need (a blank form used to show 10.00 and 差). Evaluated by POI, and by LibreOffice where it is installed.
 */
class BlankFormShowsNoVerdictTest {
    @TempDir
    Path temp;

    @Test
    void poiEvaluatesABlankIssuedFormToNoScoresTotalOrGrade() throws Exception {
        for (XSSFWorkbook workbook : blankForms()) {
            try (workbook) {
                FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
                evaluator.clearAllCachedResultValues();
                evaluator.evaluateAll();
                assertNoVerdict(new WorkbookFiller(workbook), workbook.getSheet(MetaSheet.NAME) != null ? "issued" : "");
            }
        }
    }

    @Test
    void libreOfficeRecalculatesABlankIssuedFormToNoScoresTotalOrGrade() throws Exception {
        Optional<Path> soffice = LibreOfficeRunner.find();
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        Path in = Files.createDirectories(temp.resolve("in"));
        Path out = Files.createDirectories(temp.resolve("out"));
        List<Path> files = new ArrayList<>();
        for (XSSFWorkbook workbook : blankForms()) {
            Path file = in.resolve("form-" + files.size() + ".xlsx");
            try (workbook; OutputStream stream = Files.newOutputStream(file)) {
                workbook.write(stream);
            }
            files.add(file);
        }
        LibreOfficeRunner.convert(soffice.get(), files, "xlsx", out);
        for (Path file : files) {
            try (InputStream recalculated = Files.newInputStream(out.resolve(file.getFileName()));
                 XSSFWorkbook workbook = new XSSFWorkbook(recalculated)) {
                assertNoVerdict(new WorkbookFiller(workbook), file.getFileName().toString());
            }
        }
    }

    /** The blank template and the two sample units as issued (one per profile). */
    private static List<XSSFWorkbook> blankForms() throws Exception {
        Profile defaults = Issued.FRAMEWORK.profile("default").orElseThrow();
        List<XSSFWorkbook> forms = new ArrayList<>();
        forms.add(TemplateWriter.workbook(Issued.FRAMEWORK, defaults, Optional.empty(), SigningKey.PUBLIC_DEMO));
        for (var unit : Issued.roster()) {
            forms.add(Issued.workbook(unit.unitCode()));
        }
        return forms;
    }

    private static void assertNoVerdict(WorkbookFiller cells, String form) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (Indicator indicator : Issued.FRAMEWORK.indicators()) {
            Object score = WorkbookFiller.value(cells.cell(indicator.scoreName(), 0));
            if (!ExcelFormulas.NOT_APPLICABLE.equals(score)) {
                shown.put(indicator.scoreName(), score);
            }
        }
        shown.put("score_total", WorkbookFiller.value(cells.cell("score_total", 0)));
        shown.put("grade", WorkbookFiller.value(cells.cell("grade", 0)));
        assertThat(shown).as(form).hasSizeGreaterThan(10).allSatisfy((name, value) -> assertThat(value).as(form + " " + name).isNull());
    }
}
