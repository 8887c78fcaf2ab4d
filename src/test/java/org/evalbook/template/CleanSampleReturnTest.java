package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The committed clean return the demo's deadline job uses (五华区计划生育协会, a made-up unit of the sample roster, every
 * figure consistent) is what {@link ConsistentReturn} makes today. Regenerate with {@code -Devalbook.updateGolden=true}.
 */
class CleanSampleReturnTest {
    static final Path FILE = Path.of("test-workbooks", "clean", "0530102_五华区计划生育协会_2023.xlsx");

    @Test
    void committedCleanReturnIsCurrent() throws Exception {
        if (Boolean.getBoolean("evalbook.updateGolden")) {
            Files.createDirectories(FILE.getParent());
            ConsistentReturn.save(ConsistentReturn.workbook(), FILE);
        }
        try (XSSFWorkbook fresh = ConsistentReturn.workbook(); InputStream in = Files.newInputStream(FILE);
             XSSFWorkbook committed = new XSSFWorkbook(in)) {
            assertThat(WorkbookDump.full(committed)).as(FILE + " is stale: regenerate it with -Devalbook.updateGolden=true")
                    .isEqualTo(WorkbookDump.full(fresh));
        }
    }
}
