package org.evalbook.template;

import org.evalbook.signing.SigningKey;
import org.evalbook.signing.IssueIdentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Profile;
import org.junit.jupiter.api.Test;

/**
 * The blank workbooks kept in {@code workbook-templates/dept-overall/blank/} are what {@code evalbook template} makes
 * from today's framework files (compared as text dumps, never as bytes). Regenerate with
 * {@code ./evalbook template --out workbook-templates/dept-overall/blank}.
 */
class BlankTemplatesTest {
    private static final Path BLANKS = Path.of("workbook-templates", "dept-overall", "blank");

    @Test
    void keptBlanksAreCurrent() throws Exception {
        for (Profile profile : Issued.FRAMEWORK.profiles().values()) {
            Path kept = BLANKS.resolve(Issued.FRAMEWORK.id() + "_" + profile.id() + "_空白样表.xlsx");
            assertThat(kept).as("blank for profile " + profile.id()).exists();
            try (InputStream in = Files.newInputStream(kept); XSSFWorkbook committed = new XSSFWorkbook(in);
                 XSSFWorkbook fresh = TemplateWriter.workbook(Issued.FRAMEWORK, profile, Optional.empty(), SigningKey.PUBLIC_DEMO)) {
                assertThat(WorkbookDump.full(committed)).as(kept + " is stale: run ./evalbook template --out " + BLANKS)
                        .isEqualTo(WorkbookDump.full(fresh));
            }
        }
    }

    @Test
    void blankTemplateHasNoUnitAndNoSignature() throws Exception {
        try (XSSFWorkbook blank = TemplateWriter.workbook(Issued.FRAMEWORK, Issued.FRAMEWORK.profile("default").orElseThrow(),
                Optional.empty(), SigningKey.PUBLIC_DEMO)) {
            IssueIdentity identity = IssueIdentity.of(blank, SigningKey.PUBLIC_DEMO);
            assertThat(identity.meta()).containsOnlyKeys("framework_id", "framework_version", "profile", "rules");
            assertThat(identity.signatureValid()).isFalse();
            WorkbookFiller cells = new WorkbookFiller(blank);
            assertThat(cells.cell("unit_code", 0).getCellStyle().getLocked()).as("a blank template lets the unit type its code").isFalse();
        }
    }
}
