package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.pipeline.CheckedReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReturnSpillTest {
    @TempDir
    Path temp;

    @Test
    void aReturnReadBackIsTheReturnWrittenAndTheKeptCopyHoldsNoDetails() throws Exception {
        CheckedReturn checked = SmallConsolidation.of(temp).units().get(0).adopted().orElseThrow();
        // One finding carrying its exact figures, as the sum checks' findings do.
        List<Finding> findings = new ArrayList<>(checked.findings());
        findings.set(0, findings.get(0).withValues(new java.math.BigDecimal("4.80"), new java.math.BigDecimal("81.2")));
        CheckedReturn full = new CheckedReturn(checked.order(), checked.file(), checked.path(), checked.format(), checked.sha256(),
                checked.unit(), checked.scores(), checked.figures(), checked.texts(), findings);
        Path folder = Files.createDirectories(temp.resolve("spill"));
        try (ReturnSpill spill = ReturnSpill.in(folder)) {
            CheckedReturn kept = spill.keep(full);

            assertThat(spill.full(kept)).isEqualTo(full);
            assertThat(kept.findings()).extracting(Finding::code).containsExactly(FindingCode.C14, FindingCode.C10);
            assertThat(kept.findings()).allSatisfy(f -> assertThat(f.message()).isEmpty());
            assertThat(kept.scores().orElseThrow().indicators()).allSatisfy(i -> assertThat(i.note()).isEmpty());
            assertThat(kept.figures()).containsOnlyKeys("staff_authorized", "staff_actual", "inc_total", "exp_total_final",
                    "exp_basic_final", "exp_project_final", "sangong_total_final", "exp_total_adjusted", "exp_total_budget", "self_total");
            assertThat(folder.toFile().list()).hasSize(1);
        }
        assertThat(folder.toFile().list()).isEmpty();
    }

    /** 指标得分 reads back only the figures, 问题清单 only the findings; everything else is the kept copy's. */
    @Test
    void aSheetReadsBackOnlyThePartItShows() throws Exception {
        CheckedReturn full = SmallConsolidation.of(temp).units().get(0).adopted().orElseThrow();
        try (ReturnSpill spill = ReturnSpill.in(temp)) {
            CheckedReturn kept = spill.keep(full);
            Finding consolidation = new Finding(FindingCode.M01, Severity.WARNING, "", "", List.of(), "", "", "同一单位报送了两份", "");
            List<Finding> keptFindings = new ArrayList<>(kept.findings());
            keptFindings.add(consolidation);
            CheckedReturn marked = kept.withFindings(keptFindings);

            CheckedReturn figures = spill.full(marked, ReturnDetails.Detail.FIGURES);
            assertThat(figures.figures()).isEqualTo(full.figures()).hasSizeGreaterThan(kept.figures().size());
            assertThat(figures.withFigures(kept.figures())).isEqualTo(marked);

            CheckedReturn findings = spill.full(marked, ReturnDetails.Detail.FINDINGS);
            List<Finding> expected = new ArrayList<>(full.findings());
            expected.add(consolidation);
            assertThat(findings.findings()).isEqualTo(expected);
            assertThat(findings.withFindings(marked.findings())).isEqualTo(marked);

            assertThat(spill.full(marked)).isEqualTo(full.withFindings(expected));
        }
    }

    /**
     * A return far larger than a record's first buffer (a long 自评报告 text and a finding per row of a long table), and
     * records of different sizes side by side: each part of each record reads back as written.
     */
    @Test
    void largeAndSmallRecordsReadBackWhole() throws Exception {
        CheckedReturn small = SmallConsolidation.of(temp).units().get(0).adopted().orElseThrow();
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>(small.texts());
        texts.put("report_text", "本单位坚持预算绩效管理。😀".repeat(20_000));
        List<Finding> findings = new ArrayList<>(small.findings());
        for (int row = 0; row < 2_000; row++) {
            findings.add(new Finding(FindingCode.C10, Severity.ERROR, small.file(), "绩效指标表", List.of("H" + (row + 4)), "rate_" + row,
                    "0.50", "0.40", "第 " + (row + 1) + " 行的得分与规则不符，请按评分规则重新计算。", ""));
        }
        CheckedReturn large = new CheckedReturn(small.order() + 1, small.file(), small.path(), small.format(), small.sha256(),
                small.unit(), small.scores(), small.figures(), texts, findings);
        try (ReturnSpill spill = ReturnSpill.in(temp)) {
            CheckedReturn keptSmall = spill.keep(small);
            CheckedReturn keptLarge = spill.keep(large);

            assertThat(spill.full(keptLarge)).isEqualTo(large);
            assertThat(spill.full(keptSmall)).isEqualTo(small);
            assertThat(spill.full(keptLarge, ReturnDetails.Detail.FINDINGS).findings()).isEqualTo(findings);
            assertThat(spill.full(keptLarge, ReturnDetails.Detail.FIGURES).figures()).isEqualTo(large.figures());
            assertThat(spill.full(keptSmall, ReturnDetails.Detail.FINDINGS).findings()).isEqualTo(small.findings());
        }
    }

    /** The workbook written from kept copies and their spilled details is the one written from the returns in full. */
    @Test
    void theWorkbookFromTheSpillIsTheWorkbookFromTheReturns() throws Exception {
        Consolidation full = SmallConsolidation.of(temp);
        Path direct = temp.resolve("direct.xlsx");
        Path spilled = temp.resolve("spilled.xlsx");
        ConsolidatedWorkbook.write(direct, full, SmallConsolidation.FRAMEWORK, "综述", Optional.empty());
        try (ReturnSpill spill = ReturnSpill.in(temp)) {
            List<UnitResult> units = new ArrayList<>();
            for (UnitResult unit : full.units()) {
                units.add(new UnitResult(unit.roster(), unit.status(), unit.received(), unit.lateDays(), unit.adopted().map(spill::keep),
                        unit.matchedBy()));
            }
            Consolidation kept = new Consolidation(full.deadline(), units, full.files(), full.unmatched());
            ConsolidatedWorkbook.write(spilled, kept, SmallConsolidation.FRAMEWORK, () -> "综述", Optional.empty(), spill);
        }
        assertThat(dump(spilled)).isEqualTo(dump(direct)).contains(SmallConsolidation.AT_MESSAGE);
    }

    static String dump(Path file) throws Exception {
        DataFormatter shown = new DataFormatter();
        StringBuilder text = new StringBuilder();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.getAddress()).append(' ').append(shown.formatCellValue(cell)).append(' ')
                                .append(cell.getHyperlink() == null ? "" : cell.getHyperlink().getAddress()).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
