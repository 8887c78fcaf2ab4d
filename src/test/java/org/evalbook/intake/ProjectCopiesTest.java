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

    /**
     * The issued 石鼓 sample with its second project sheet copied by LibreOffice (make-copied-sheet.sh, see the README
     * there): the copy is a third project with its own name and the same figures, findings and signature as its original.
     */
    @Test
    void aSheetOfAnIssuedReturnCopiedByLibreOfficeIsAThirdProject() {
        CheckResult result = check(Path.of("test-workbooks", "project", "issued-copied-by-libreoffice.xlsx"));
        assertThat(result.projects()).extracting(ProjectOutcome::sheet).containsExactly("计生特殊家庭帮扶项目", "青少年健康服务项目", "青少年健康服务二期");
        assertThat(result.projects()).extracting(ProjectOutcome::name).containsExactly("计生特殊家庭帮扶项目", "青少年健康服务项目", "青少年健康服务项目（二期）");
        assertThat(result.projects().get(2).score()).usingRecursiveComparison().isEqualTo(result.projects().get(1).score());
        assertThat(result.findings()).noneMatch(f -> f.code().name().equals("C19"));
        assertThat(result.findings()).filteredOn(f -> f.sheet().equals("青少年健康服务二期"))
                .extracting(f -> f.code().name(), f -> f.cells().get(0))
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("C16", "青少年健康服务二期!J13"),
                        org.assertj.core.api.Assertions.tuple("C14", "青少年健康服务二期!J28"));
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
