package org.evalbook.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.Identity;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.pipeline.CheckRun;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.ConsolidationFacts;
import org.evalbook.report.SummaryFacts;
import org.evalbook.report.SummaryNarrative;
import org.evalbook.template.ConsistentReturn;
import org.evalbook.roster.Roster;
import org.evalbook.signing.SigningKey;
import org.evalbook.template.TemplateWriter;
import org.evalbook.template.UnitIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deadline folder as it really looks: good returns, a late one, an older and a byte-identical duplicate, a return for
 * a unit not in the roster, broken files, a lock file, a PDF attachment and a stray text file, in two sub-folders.
 * Every file ends in exactly one state, and the summary's numbers are the ones worked out here by hand.
 */
class ConsolidatorTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private static final Path ZHUHUI = Path.of("test-workbooks", "returned", "0430405_珠晖区计划生育协会_2022.xlsx");
    private static final Path KUNMING = Path.of("test-workbooks", "returned", "0530101_昆明市计划生育协会_2017.xlsx");
    /** 2027-03-31, the end of the day (UTC in this test). */
    private static final LocalDateTime DEADLINE = LocalDate.of(2027, 3, 31).atTime(23, 59, 59);

    @TempDir
    Path temp;

    @Test
    void everyFileEndsInExactlyOneStateAndTheSummaryCountsThem() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        Path a = Files.createDirectories(in.resolve("区县A"));
        Path b = Files.createDirectories(in.resolve("区县B"));
        // 珠晖: a first return, then a resubmission and a byte-identical copy of it
        Path first = copy(ZHUHUI, a.resolve("珠晖-第一次.xlsx"), "2027-03-20T09:00:00");
        Files.write(first, appendZipComment(Files.readAllBytes(first)));
        Files.setLastModifiedTime(first, time("2027-03-20T09:00:00"));
        copy(ZHUHUI, b.resolve("珠晖-重报.xlsx"), "2027-03-30T16:00:00");
        copy(ZHUHUI, b.resolve("珠晖-重报-副本.xlsx"), "2027-03-30T15:00:00");
        // 昆明: 34 hours after the deadline — two started days late
        copy(KUNMING, a.resolve("昆明.xlsx"), "2027-04-02T10:00:00");
        // 五华: a clean return, on time
        Files.setLastModifiedTime(ConsistentReturn.save(ConsistentReturn.workbook(), b.resolve("五华.xlsx")), time("2027-03-29T10:00:00"));
        // a unit that is not in the roster
        Files.setLastModifiedTime(ConsistentReturn.save(stranger(), a.resolve("外单位.xlsx")), time("2027-03-29T11:00:00"));
        Files.write(a.resolve("~$珠晖-第一次.xlsx"), new byte[] {1, 2, 3});
        Files.writeString(b.resolve("自评报告.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
        Files.writeString(b.resolve("说明.txt"), "材料已于三月三十日寄出。", StandardCharsets.UTF_8);
        Files.write(a.resolve("坏文件.xlsx"), java.util.Arrays.copyOf(Files.readAllBytes(ZHUHUI), 3000));

        Roster roster = Roster.read(Path.of("test-workbooks", "roster.xlsx"), FRAMEWORK);
        ReceivedFiles.Scan scan = ReceivedFiles.scan(List.of(in.toString()), List.of());
        List<CheckedReturn> checked = new ArrayList<>();
        CheckRun.Summary summary = new CheckRun(new CheckRun.Options(Frameworks.DEFAULT_ID, FRAMEWORK,
                new IsolatedReader.Limits(2, Duration.ofSeconds(60), 512), raw -> Identity.DEMO, Optional.empty())).run(scan, checked::add);
        Consolidation consolidation = new Consolidator(roster.units(), Optional.of(DEADLINE), ZoneOffset.UTC).consolidate(checked, summary.skipped());

        Map<String, FileState> states = consolidation.files().stream().collect(Collectors.toMap(ReceivedFile::name, ReceivedFile::state));
        assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("区县A/珠晖-第一次.xlsx", FileState.SUPERSEDED),
                Map.entry("区县B/珠晖-重报.xlsx", FileState.ADOPTED),
                Map.entry("区县B/珠晖-重报-副本.xlsx", FileState.SUPERSEDED),
                Map.entry("区县A/昆明.xlsx", FileState.ADOPTED),
                Map.entry("区县B/五华.xlsx", FileState.ADOPTED),
                Map.entry("区县A/外单位.xlsx", FileState.UNMATCHED),
                Map.entry("区县A/~$珠晖-第一次.xlsx", FileState.IGNORED),
                Map.entry("区县B/自评报告.pdf", FileState.IGNORED),
                Map.entry("区县B/说明.txt", FileState.REFUSED),
                Map.entry("区县A/坏文件.xlsx", FileState.REFUSED)));
        assertThat(reason(consolidation, "区县B/珠晖-重报-副本.xlsx")).startsWith("与“区县B/珠晖-重报.xlsx”内容完全相同");
        assertThat(reason(consolidation, "区县A/珠晖-第一次.xlsx")).startsWith("同一单位另有较新的一份：“区县B/珠晖-重报.xlsx”");
        assertThat(consolidation.counts()).containsExactlyInAnyOrderEntriesOf(Map.of(FileState.ADOPTED, 3L, FileState.SUPERSEDED, 2L,
                FileState.UNMATCHED, 1L, FileState.REFUSED, 2L, FileState.IGNORED, 2L));

        assertThat(consolidation.units()).extracting(u -> u.roster().unitName(), UnitResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("昆明市计划生育协会", UnitStatus.LATE),
                org.assertj.core.groups.Tuple.tuple("珠晖区计划生育协会", UnitStatus.ON_TIME),
                org.assertj.core.groups.Tuple.tuple("石鼓区计划生育协会", UnitStatus.MISSING),
                org.assertj.core.groups.Tuple.tuple("五华区计划生育协会", UnitStatus.ON_TIME));
        assertThat(consolidation.units().get(0).lateDays().getAsLong()).isEqualTo(2);
        assertThat(consolidation.units().get(1).adopted().orElseThrow().file()).isEqualTo("区县B/珠晖-重报.xlsx");

        // By hand: 4 issued; on time 珠晖, 五华; late 昆明 (2 days); missing 石鼓. Recomputed: 昆明 3.00 差 (default),
        // 珠晖 21.00 差 (hunan-2022), 五华 100.00 优 → mean (3 + 21 + 100) / 3 = 41.33. 五华's self total 100 equals its
        // recomputation; the seeds have none.
        SummaryFacts facts = ConsolidationFacts.of(consolidation, FRAMEWORK, "某区财政局");
        assertThat(facts.issued()).isEqualTo(4);
        assertThat(facts.onTime()).isEqualTo(2);
        assertThat(facts.late()).isEqualTo(1);
        assertThat(facts.longestDelay()).contains(new SummaryFacts.Delay("昆明市计划生育协会", 2));
        assertThat(facts.missing().names()).containsExactly("石鼓区计划生育协会");
        assertThat(facts.meanScore()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("41.33"));
        assertThat(facts.grades()).extracting(SummaryFacts.GradeCount::grade, SummaryFacts.GradeCount::units).containsExactly(
                org.assertj.core.groups.Tuple.tuple("优", 1), org.assertj.core.groups.Tuple.tuple("良", 0),
                org.assertj.core.groups.Tuple.tuple("中", 0), org.assertj.core.groups.Tuple.tuple("差", 2));
        assertThat(facts.selfScoreDiffers()).isZero();
        assertThat(facts.selfAssessed()).as("only 五华 states a self total").isEqualTo(1);
        // The main problems list the codes found as errors first: they decide who must resubmit.
        java.util.Set<org.evalbook.finding.FindingCode> errorCodes = consolidation.units().stream().flatMap(u -> u.adopted().stream())
                .flatMap(r -> r.findings().stream()).filter(f -> f.severity() == org.evalbook.finding.Severity.ERROR)
                .map(org.evalbook.finding.Finding::code).collect(java.util.stream.Collectors.toSet());
        List<Boolean> listedAsError = facts.problems().stream().map(p -> errorCodes.contains(p.code())).toList();
        assertThat(listedAsError).contains(true, false).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(facts.resubmit().names()).containsExactly("昆明市计划生育协会", "珠晖区计划生育协会");
        String narrative = SummaryNarrative.render(facts);
        System.out.println(narrative);
        assertThat(narrative).contains("41.33", "石鼓区计划生育协会", "昆明市计划生育协会");
    }

    private static String reason(Consolidation consolidation, String name) {
        return consolidation.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().reason();
    }

    private static Path copy(Path from, Path to, String modified) throws Exception {
        Files.copy(from, to);
        Files.setLastModifiedTime(to, time(modified));
        return to;
    }

    private static FileTime time(String local) {
        return FileTime.from(LocalDateTime.parse(local).toInstant(ZoneOffset.UTC));
    }

    /** The same workbook with other bytes: a zip comment changes nothing a reader sees. */
    private static byte[] appendZipComment(byte[] zip) {
        // The end-of-central-directory record ends with a comment length (0 here); give it a one-byte comment.
        byte[] longer = java.util.Arrays.copyOf(zip, zip.length + 1);
        longer[zip.length - 2] = 1;
        longer[zip.length] = 'x';
        return longer;
    }

    /** A consistent return issued to a unit that is not in the roster. */
    private static XSSFWorkbook stranger() throws Exception {
        UnitIssue issue = new UnitIssue("0999999", "不在名册的单位", 2023, "default", Optional.empty(), Optional.empty(),
                Instant.parse("2026-01-05T02:00:00Z"), FieldValues.builder().text("unit_code", "0999999").text("unit_name", "不在名册的单位")
                .number("fiscal_year", "2023").text("parent_dept", "某主管部门").build());
        XSSFWorkbook workbook = TemplateWriter.workbook(FRAMEWORK, FRAMEWORK.profile("default").orElseThrow(), Optional.of(issue), SigningKey.PUBLIC_DEMO);
        new org.evalbook.template.WorkbookFiller(workbook).fill(ConsistentReturn.figures());
        return workbook;
    }
}
