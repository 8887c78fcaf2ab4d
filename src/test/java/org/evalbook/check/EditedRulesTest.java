package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A return issued before the bureau edited its profile is checked under the new rules: its formulas legitimately
 * differ, so they are not called tampered (no C18); one C19 warning says the rules changed.
 */
class EditedRulesTest {
    @TempDir
    Path temp;

    @Test
    void aReturnIssuedUnderOlderRulesIsNotAccusedOfEditingFormulas() throws Exception {
        Path copy = temp.resolve("dept-overall");
        Path shipped = Path.of("workbook-templates", "dept-overall");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path profile = copy.resolve("profiles").resolve("hunan-2022.yaml");
        Files.writeString(profile, Files.readString(profile).replace("    weight: 8\n", "    weight: 6\n")
                .replace("    weight: 5\n    rule: {kind: step, good: at_most, threshold: 100%, penalty: 0.5, per: 1}",
                        "    weight: 7\n    rule: {kind: step, good: at_most, threshold: 100%, penalty: 0.5, per: 1}"));
        Framework edited = Frameworks.load(copy);
        Path zhuhui = Path.of("test-workbooks", "returned", "0430405_珠晖区计划生育协会_2022.xlsx");

        CheckResult result = new ReturnChecker(edited).check(new WorkbookReader(edited).read(zhuhui), Identity.DEMO);

        assertThat(result.scores().orElseThrow().total()).isEqualByComparingTo("23.00");
        assertThat(result.findings()).extracting(Finding::code).doesNotContain(FindingCode.C18);
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.C19);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("评分规则", "与当前的不同");
        });
        CheckResult unchanged = Checks.of(zhuhui);
        assertThat(unchanged.findings()).noneSatisfy(f -> assertThat(f.field()).isEqualTo("rules"));
    }
}
