package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A warning the unit explained in 情况说明 — by code, field id or the label it sees — is shown as explained. */
class ExplanationsTest {
    @TempDir
    static Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"C09", "C09 实际在职人数超编", "staff_actual", "实际在职人数"})
    void aWarningIsExplainedByItsCodeFieldOrLabel(String ref) throws Exception {
        Path file = new Fixtures(temp).edited("explained-" + Math.abs(ref.hashCode()) + ".xlsx", w -> {
            w.cell("staff_actual", 0).setCellValue(8);
            w.cell("expl_ref", 0).setCellValue(ref);
            w.cell("expl_text", 0).setCellValue("年内借调一人，已报编办备案。");
        });
        CheckResult result = Checks.of(file);
        Finding c09 = result.findings().stream().filter(f -> f.code() == FindingCode.C09).findFirst().orElseThrow();
        assertThat(c09.explained()).isEqualTo("年内借调一人，已报编办备案。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C16", "self_input_staff_control"})
    void anErrorNeedsCorrectingNotExplaining(String ref) throws Exception {
        Path file = new Fixtures(temp).edited("error-" + Math.abs(ref.hashCode()) + ".xlsx", w -> {
            w.cell("staff_actual", 0).setCellValue(9);
            w.cell("expl_ref", 0).setCellValue(ref);
            w.cell("expl_text", 0).setCellValue("我们认为应得满分。");
        });
        Finding c16 = Checks.of(file).findings().stream().filter(f -> f.code() == FindingCode.C16).findFirst().orElseThrow();
        assertThat(c16.severity()).isEqualTo(Severity.ERROR);
        assertThat(c16.explained()).isEmpty();
    }
}
