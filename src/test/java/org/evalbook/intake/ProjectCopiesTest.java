package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.CheckResult;
import org.evalbook.check.Identity;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.check.ReturnChecker;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit adds a project by copying its project sheet: the copy carries the same sheet-scoped names, and each project is
 * read with its own values — from LibreOffice's copy (committed, made by make-copied-sheet.sh) and from POI's.
 */
class ProjectCopiesTest {
    private static final Framework DEPARTMENT = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private static final Path LIBREOFFICE = Path.of("test-workbooks", "project", "copied-by-libreoffice.xlsx");
    @TempDir
    Path dir;

    @Test
    void aSheetCopiedByLibreOfficeIsASecondProjectWithItsOwnName() {
        CheckResult result = check(LIBREOFFICE);
        assertThat(result.projects()).extracting(ProjectOutcome::sheet).containsExactly("项目1", "项目2");
        assertThat(result.projects()).extracting(ProjectOutcome::name).containsExactly("农民技能培训", "乡村道路养护");
        assertThat(result.projects()).allSatisfy(p -> {
            assertThat(p.score().total()).isEqualByComparingTo("96.50");
            assertThat(p.sources().get("pi_weight[1]").ref()).isEqualTo(p.sheet() + "!H19");
        });
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aSheetClonedByPoiCarriesNoNamesUntilTheProgramCopiesThemAndThenReadsAsASecondProject() throws Exception {
        Path file = dir.resolve("cloned.xlsx");
        try (XSSFWorkbook workbook = ProjectReturns.workbook(List.of(ProjectReturns.consistent("项目1", "农民技能培训")))) {
            int source = workbook.getSheetIndex("项目1");
            XSSFSheet clone = workbook.cloneSheet(source, "项目2");
            int index = workbook.getSheetIndex(clone);
            assertThat(workbook.getAllNames().stream().filter(n -> n.getSheetIndex() == index)).as("POI's cloneSheet copies no names").isEmpty();
            for (Name name : List.copyOf(workbook.getAllNames())) {
                if (name.getSheetIndex() == source) {
                    XSSFName copy = workbook.createName();
                    copy.setSheetIndex(index);
                    copy.setNameName(name.getNameName());
                    copy.setRefersToFormula(name.getRefersToFormula().replace("'项目1'!", "'项目2'!"));
                }
            }
            clone.getRow(2).getCell(1).setCellValue("乡村道路养护");
            clone.getRow(9).getCell(3).setCellValue(9);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        CheckResult result = check(file);
        assertThat(result.projects()).extracting(ProjectOutcome::name).containsExactly("农民技能培训", "乡村道路养护");
        assertThat(result.projects().get(1).values().number("pj_funds_carry_exec")).contains(new BigDecimal("9"));
        assertThat(result.projects().get(0).values().number("pj_funds_carry_exec")).contains(new BigDecimal("19"));
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.cells()).contains("项目2!D8", "项目2!D10"));
    }

    private static CheckResult check(Path file) {
        return new ReturnChecker(DEPARTMENT).check(new WorkbookReader(DEPARTMENT).read(file), Identity.DEMO);
    }
}
