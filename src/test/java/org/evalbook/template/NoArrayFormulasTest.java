package org.evalbook.template;

import org.evalbook.signing.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType;

/**
 * No cell of what {@code issue} and {@code template} write is an array formula: some programs re-save a single-cell
 * array formula as {@code <f t="array" ref="F15"/>} without its text, which POI cannot read back. Checked on the
 * saved file read back with POI, for every profile, issued and blank, and on the committed blanks and sample returns.
 */
class NoArrayFormulasTest {
    static Stream<Profile> profiles() {
        return Issued.FRAMEWORK.profiles().values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void issuedAndBlankWorkbooksHaveNoArrayFormula(Profile profile) throws Exception {
        UnitIssue sample = Issued.issue(Issued.unit("0530101"));
        UnitIssue issue = new UnitIssue(sample.unitCode(), sample.unitName(), sample.fiscalYear(), profile.id(), sample.email(),
                sample.deadline(), sample.issuedAt(), sample.prefill());
        for (Optional<UnitIssue> unit : List.of(Optional.of(issue), Optional.<UnitIssue>empty())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            TemplateWriter.write(Issued.FRAMEWORK, profile, unit, SigningKey.PUBLIC_DEMO, bytes);
            try (XSSFWorkbook saved = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(arrayFormulas(saved)).as(profile.id() + (unit.isPresent() ? " issued" : " blank")).isEmpty();
                assertThat(formulas(saved)).as("the table aggregates are there, spelled without array entry")
                        .anyMatch(f -> f.contains("SUMPRODUCT(INDEX("));
            }
        }
    }

    @Test
    void committedBlanksAndSampleReturnsHaveNoArrayFormula() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("workbook-templates", "dept-overall", "blank"), SampleReturns.DIR)) {
            try (Stream<Path> listed = Files.list(dir)) {
                listed.filter(p -> p.toString().endsWith(".xlsx")).forEach(files::add);
            }
        }
        assertThat(files).hasSize(4);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                assertThat(arrayFormulas(workbook)).as(file.toString()).isEmpty();
            }
        }
    }

    /** The check itself finds an array formula where there is one. */
    @Test
    void anArrayFormulaIsFound() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("s");
            sheet.createRow(0).createCell(0).setCellValue(2);
            sheet.setArrayFormula("SUM(A1:A1*2)", new CellRangeAddress(0, 0, 5, 5));
            workbook.write(bytes);
        }
        try (XSSFWorkbook saved = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(arrayFormulas(saved)).containsExactly("s!F1");
        }
    }

    /** Cells that are an array formula, by POI's reading and by the file's own formula type. */
    private static List<String> arrayFormulas(XSSFWorkbook workbook) {
        List<String> found = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    XSSFCell xssf = (XSSFCell) cell;
                    boolean arrayType = xssf.getCTCell().isSetF() && xssf.getCTCell().getF().getT() == STCellFormulaType.ARRAY;
                    if (arrayType || xssf.isPartOfArrayFormulaGroup()) {
                        found.add(sheet.getSheetName() + "!" + xssf.getAddress().formatAsString());
                    }
                }
            }
        }
        return found;
    }

    private static List<String> formulas(XSSFWorkbook workbook) {
        List<String> found = new ArrayList<>();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        found.add(cell.getCellFormula());
                    }
                }
            }
        }
        return found;
    }
}
