package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.CheckResult;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.Finding;
import org.evalbook.framework.Profile;
import org.evalbook.intake.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Returns issued before table aggregates were spelled without array entry hold single-cell array formulas, scores that
 * show the missing-data score while inputs are blank, and the rules fingerprint of that time. They are checked as
 * before: the same fingerprint, no C19 about changed rules, and their formulas are the issued ones (no C18).
 */
class EarlierReturnsTest {
    @TempDir
    Path temp;

    @Test
    void theRulesFingerprintIsTheOneEarlierReturnsCarry() {
        // The values in the meta sheet of the sample returns as committed before this change.
        assertThat(IssuedFormulas.fingerprint(Issued.FRAMEWORK, Issued.FRAMEWORK.profile("default").orElseThrow()))
                .isEqualTo("fc889505a82000e5d5e524e29b80499d");
        assertThat(IssuedFormulas.fingerprint(Issued.FRAMEWORK, Issued.FRAMEWORK.profile("hunan-2022").orElseThrow()))
                .isEqualTo("76013c465f87aee20817b6184e53bb97");
    }

    @Test
    void aReturnWithTheEarlierArrayFormulasIsCheckedLikeTodaysOne() throws Exception {
        SampleReturns.Seed seed = SampleReturns.seed("kunming-2017").orElseThrow();
        Profile profile = Issued.FRAMEWORK.profile("default").orElseThrow();
        Map<String, IssuedFormulas.Issued> today = IssuedFormulas.of(Issued.FRAMEWORK, profile);
        Map<String, IssuedFormulas.Issued> second = IssuedFormulas.of(Issued.FRAMEWORK, profile, IssuedFormulas.Spelling.SUMPRODUCT);
        Map<String, IssuedFormulas.Issued> first = IssuedFormulas.of(Issued.FRAMEWORK, profile, IssuedFormulas.Spelling.FIRST);
        Path file = temp.resolve("earlier.xlsx");
        int arrays = 0;
        int missingScores = 0;
        try (XSSFWorkbook workbook = SampleReturns.build(seed)) {
            WorkbookFiller cells = new WorkbookFiller(workbook);
            for (Map.Entry<String, IssuedFormulas.Issued> entry : first.entrySet()) {
                String formula = entry.getValue().formula();
                Cell cell = cells.cell(entry.getKey(), 0);
                if (!formula.equals(second.get(entry.getKey()).formula())) {
                    cell.getSheet().setArrayFormula(formula,
                            new CellRangeAddress(cell.getRowIndex(), cell.getRowIndex(), cell.getColumnIndex(), cell.getColumnIndex()));
                    arrays++;
                } else if (!formula.equals(today.get(entry.getKey()).formula())) {
                    cell.setCellFormula(formula);
                    missingScores++;
                }
            }
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        assertThat(arrays).as("the table-aggregate rates and scores were array formulas").isEqualTo(10);
        assertThat(missingScores).as("the other scores, the total and the grade showed the missing-data score").isPositive();

        CheckResult earlierReturn = check(file);
        CheckResult todaysReturn = check(SampleReturns.file(seed));
        assertThat(earlierReturn.findings()).extracting(Finding::code).extracting(Enum::name).doesNotContain("C18");
        assertThat(earlierReturn.findings()).noneSatisfy(f -> assertThat(f.field()).isEqualTo("rules"));
        assertThat(messages(earlierReturn)).isEqualTo(messages(todaysReturn));
        assertThat(earlierReturn.scores().orElseThrow().total()).isEqualTo(todaysReturn.scores().orElseThrow().total());
    }

    private static CheckResult check(Path file) {
        return new ReturnChecker(Issued.FRAMEWORK).check(new WorkbookReader(Issued.FRAMEWORK).read(file), Identity.DEMO);
    }

    private static List<String> messages(CheckResult result) {
        return result.findings().stream().map(f -> f.code() + " " + f.severity() + " " + f.cells() + " " + f.message()).toList();
    }
}
