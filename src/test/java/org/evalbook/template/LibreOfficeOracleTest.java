package org.evalbook.template;

import org.evalbook.signing.SigningKey;

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
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.IndicatorScore;
import org.evalbook.check.ScoreSheet;
import org.evalbook.check.Scorer;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.IndicatorKind;
import org.evalbook.framework.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LibreOffice as an independent oracle: filled workbooks are opened in headless LibreOffice with recalculation
 * forced on load, saved, and LibreOffice's values must equal the Java engine's. A control case plants a wrong cached
 * value that LibreOffice must correct, proving the recalculation really happened.
 */
class LibreOfficeOracleTest {
    private static final int RANDOM_CASES_PER_PROFILE = 12;
    private static final BigDecimal PLANTED = new BigDecimal("12345");

    @TempDir
    Path temp;

    @Test
    void libreOfficeComputesWhatTheEngineComputes() throws Exception {
        Optional<Path> soffice = LibreOfficeRunner.find();
        if (soffice.isEmpty()) {
            System.out.println("SKIPPED: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui. "
                    + "The LibreOffice oracle test did not run.");
        }
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        Path in = Files.createDirectories(temp.resolve("in"));
        Path out = Files.createDirectories(temp.resolve("out"));
        Map<Path, Case> cases = new LinkedHashMap<>();
        for (Profile profile : Issued.FRAMEWORK.profiles().values()) {
            RandomFigures random = new RandomFigures(Issued.FRAMEWORK, 7L + profile.id().hashCode());
            for (int n = 0; n < RANDOM_CASES_PER_PROFILE; n++) {
                FieldValues values = random.next(n % 3 == 1 ? RandomFigures.Gaps.NONE : RandomFigures.Gaps.SOME);
                Path file = in.resolve(profile.id() + "-" + n + ".xlsx");
                write(profile, values, file, n == 0);
                cases.put(file, new Case(profile, values, n == 0));
            }
        }
        LibreOfficeRunner.convert(soffice.get(), List.copyOf(cases.keySet()), "xlsx", out);

        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<Path, Case> entry : cases.entrySet()) {
            Case c = entry.getValue();
            ScoreSheet engine = new Scorer(Issued.FRAMEWORK, c.profile()).score(c.values());
            try (InputStream recalculated = Files.newInputStream(out.resolve(entry.getKey().getFileName()));
                 XSSFWorkbook workbook = new XSSFWorkbook(recalculated)) {
                WorkbookFiller cells = new WorkbookFiller(workbook);
                for (IndicatorScore score : engine.indicators()) {
                    if (Issued.FRAMEWORK.indicator(score.indicatorId()).orElseThrow().kind() == IndicatorKind.RATE) {
                        compare(mismatches, entry.getKey(), "rate_" + score.indicatorId(), score.rate().orElse(null), cells);
                    }
                    compare(mismatches, entry.getKey(), "score_" + score.indicatorId(), Shown.score(score), cells);
                    compared += 2;
                }
                compare(mismatches, entry.getKey(), "score_total", Shown.total(engine), cells);
                compare(mismatches, entry.getKey(), "grade", Shown.grade(engine), cells);
                if (c.planted()) {
                    assertThat(WorkbookFiller.value(cells.cell("score_total", 0))).as("the planted cached value was recalculated")
                            .isNotEqualTo(BigDecimal.valueOf(PLANTED.doubleValue()));
                }
            }
        }
        System.out.println("LibreOffice = engine: " + cases.size() + " workbooks, " + compared + " rates and scores compared");
        assertThat(mismatches).isEmpty();
    }

    private record Case(Profile profile, FieldValues values, boolean planted) {
    }

    /** A filled workbook with POI's cached values; the control case gets a wrong cached total instead. */
    private static void write(Profile profile, FieldValues values, Path file, boolean plantWrongTotal) throws Exception {
        try (XSSFWorkbook workbook = TemplateWriter.workbook(Issued.FRAMEWORK, profile, Optional.empty(), SigningKey.PUBLIC_DEMO)) {
            WorkbookFiller filler = new WorkbookFiller(workbook);
            filler.fill(values);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
            if (plantWrongTotal) {
                filler.cell("score_total", 0).setCellValue(PLANTED.doubleValue());
                assertThat(filler.cell("score_total", 0).getCellType()).isEqualTo(CellType.FORMULA);
            }
            try (OutputStream stream = Files.newOutputStream(file)) {
                workbook.write(stream);
            }
        }
    }

    private static void compare(List<String> mismatches, Path file, String name, Object engine, WorkbookFiller cells) {
        Object value = WorkbookFiller.value(cells.cell(name, 0));
        Object expected = engine;
        boolean same = expected instanceof BigDecimal e && value instanceof BigDecimal v ? e.compareTo(v) == 0
                : java.util.Objects.equals(expected, value);
        if (!same) {
            mismatches.add(file.getFileName() + " " + name + ": engine " + expected + " ≠ LibreOffice " + value);
        }
    }
}
