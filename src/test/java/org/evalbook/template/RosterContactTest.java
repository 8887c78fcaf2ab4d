package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.CheckResult;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.Finding;
import org.evalbook.signing.IssueIdentity;
import org.evalbook.signing.SigningKey;
import org.evalbook.intake.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster's 联系人 is written into 联系人 as a default the unit may keep or change: an input, not signed. */
class RosterContactTest {
    @TempDir
    Path temp;

    @Test
    void theRosterContactIsAnEditableDefault() throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook("0430406")) {
            var cell = new WorkbookFiller(workbook).cell("contact_name", 0);
            assertThat(cell.getStringCellValue()).isEqualTo("王芳");
            assertThat(cell.getCellStyle().getLocked()).as("the unit may change it").isFalse();
            assertThat(cell.getCellStyle().getFillForegroundColor()).as("input colour")
                    .isEqualTo(new WorkbookFiller(workbook).cell("contact_phone", 0).getCellStyle().getFillForegroundColor());
            assertThat(IssueIdentity.of(workbook, SigningKey.PUBLIC_DEMO).meta().get("prefilled")).doesNotContain("contact_name", "王芳");
        }
    }

    @Test
    void aReturnThatKeepsOrChangesTheDefaultHasNoFindingAboutTheContact() throws Exception {
        for (String contact : List.of("", "陈静")) {
            Path file = temp.resolve("return" + contact + ".xlsx");
            try (XSSFWorkbook workbook = Issued.workbook("0430406"); OutputStream out = Files.newOutputStream(file)) {
                if (!contact.isEmpty()) {
                    new WorkbookFiller(workbook).cell("contact_name", 0).setCellValue(contact);
                }
                workbook.write(out);
            }
            CheckResult result = new ReturnChecker(Issued.FRAMEWORK).check(new WorkbookReader(Issued.FRAMEWORK).read(file), Identity.DEMO);
            assertThat(result.findings()).as("C11 still lists the other blanks").anySatisfy(f -> assertThat(f.code().name()).isEqualTo("C11"));
            assertThat(result.findings()).as(contact).noneSatisfy(f -> assertThat(f.field() + f.message()).contains("contact_name"));
            assertThat(result.findings()).as(contact).noneSatisfy(f -> assertThat(f.message()).contains("联系人"));
        }
    }

    @Test
    void aReturnWhoseUnitClearedTheContactStillGetsC11() throws Exception {
        Path file = temp.resolve("cleared.xlsx");
        try (XSSFWorkbook workbook = Issued.workbook("0430406"); OutputStream out = Files.newOutputStream(file)) {
            new WorkbookFiller(workbook).cell("contact_name", 0).setBlank();
            workbook.write(out);
        }
        CheckResult result = new ReturnChecker(Issued.FRAMEWORK).check(new WorkbookReader(Issued.FRAMEWORK).read(file), Identity.DEMO);
        assertThat(result.findings()).filteredOn(f -> f.code().name().equals("C11")).map(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("联系人"));
    }
}
