package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.pipeline.AnnotatedCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotated copy writes what units typed only as text: never as a formula, whatever it starts with. */
class AnnotatedCopyTest {
    @TempDir
    Path temp;

    @Test
    void unitTextThatLooksLikeAFormulaStaysText() throws Exception {
        Path file = new Fixtures(temp).edited("formula-text.xlsx", w -> {
            w.cell("inc_other", 0).setCellValue("=HYPERLINK(\"http://example.invalid\",\"10\")");
            w.cell("func_code", 0).setCellValue("=1+1");
        });
        CheckResult result = Checks.of(file);
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.actual()).startsWith("=HYPERLINK"));
        Path copy = Checks.annotated(file, temp.resolve("out"));
        try (InputStream in = Files.newInputStream(copy); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Row row : workbook.getSheet(AnnotatedCopy.SHEET)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isIn(CellType.STRING, CellType.NUMERIC, CellType.BLANK);
                }
            }
            var ref = new org.apache.poi.ss.util.CellReference(result.read().orElseThrow().where("inc_other").orElseThrow());
            Cell typed = workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol());
            assertThat(typed.getCellType()).isEqualTo(CellType.STRING);
            assertThat(typed.getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(typed.getCellComment().getString().getString()).contains("[C13");
        }
        assertThat(Checks.of(copy).findings()).extracting(f -> f.code()).isEqualTo(result.findings().stream().map(f -> f.code()).toList());
    }
}
