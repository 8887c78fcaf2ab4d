package org.evalbook.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.evalbook.check.CheckResult;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.FindingCode;
import org.evalbook.intake.WorkbookReader;
import org.evalbook.signing.SigningKey;
import org.evalbook.template.TemplateWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plausible edits a bureau makes to its copy of the framework: each is either refused at load (a FrameworkException,
 * whose wording RefusedFrameworkTest pins) or loads and then writes the blank workbook and checks every sample return
 * without an internal error (F14, exit 3). Whether an edit is refused is part of the expectation, so the test cannot
 * pass by refusing everything.
 */
class EditsWithoutInternalErrorsTest {
    private static final Path SAMPLES = Path.of("test-workbooks");

    @TempDir
    Path temp;

    /** Text replacements (from, to, from, to …) in one file of the copy, and whether the loader must refuse the result. */
    record Edit(String what, String file, boolean refused, List<String> replacements) {
        Edit(String what, String file, String from, String to, boolean refused, String... more) {
            this(what, file, refused, Stream.concat(Stream.of(from, to), Stream.of(more)).toList());
        }

        FrameworkCopy apply(FrameworkCopy copy) {
            for (int i = 0; i < replacements.size(); i += 2) {
                copy.edit(file, replacements.get(i), replacements.get(i + 1));
            }
            return copy;
        }

        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Edit> edits() {
        return Stream.of(
                new Edit("table renamed", "fields.yaml", "  - id: func\n", "  - id: funcs\n", true),
                new Edit("column a check reads renamed", "fields.yaml", "{id: func_name, label: 科目名称", "{id: func_title, label: 科目名称", true),
                new Edit("check code mistyped", "checks.yaml", "  - code: C07\n", "  - code: C0l\n", true),
                new Edit("table sheet removed", "framework.yaml", "  - {sheet: 绩效指标表, kind: indicators}\n", "", true),
                new Edit("field a check uses removed", "fields.yaml",
                        "      - {id: inc_other, label: 其他收入, type: amount, blank_in_sums: zero}\n", "", true),
                new Edit("headcount made text", "fields.yaml", "{id: staff_actual, label: 实际在职人数, type: integer,",
                        "{id: staff_actual, label: 实际在职人数, type: text,", true),
                new Edit("weight changed without the others", "profiles/default.yaml", "{indicator: process_pay_progress, weight: 2,",
                        "{indicator: process_pay_progress, weight: 3,", true),
                new Edit("weights moved between indicators", "profiles/default.yaml",
                        "{indicator: output_timeliness, weight: 5,", "{indicator: output_timeliness, weight: 3,", false,
                        "{indicator: output_quality, weight: 5,", "{indicator: output_quality, weight: 7,"),
                new Edit("staffing check left out", "checks.yaml", "staffing: {actual: staff_actual, authorized: staff_authorized}\n", "", false),
                new Edit("a line left out of the execution rates", "checks.yaml", "lines: [exp_total, exp_basic, exp_project]",
                        "lines: [exp_total]", false),
                new Edit("execution against the budget only", "checks.yaml", "  against: [adjusted, budget]", "  against: [budget]", false),
                new Edit("unit scale factor lowered", "checks.yaml", "  factor: 100\n", "  factor: 10\n", false),
                new Edit("explanations left out", "checks.yaml", "explanations: {table: expl, refers_to: expl_ref, text: expl_text}\n", "", false),
                new Edit("function codes table on its own sheet", "framework.yaml",
                        "  - {sheet: 基础数据表, kind: base_data, tables: [func], wide_columns: [func_name]}\n",
                        "  - {sheet: 基础数据表, kind: base_data}\n  - {sheet: 功能科目, kind: table, table: func}\n", false),
                new Edit("table sheet renamed", "framework.yaml", "  - sheet: 项目支出明细\n", "  - sheet: 项目明细\n", false),
                new Edit("sum check removed", "checks.yaml",
                        "  - code: C08\n    total: exp_total_adjusted\n    equals: exp_total_budget + budget_addition - budget_reduction\n", "", false),
                new Edit("grade band moved", "framework.yaml", "{grade: 良, at_least: 80}", "{grade: 良, at_least: 85}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void isRefusedOrChecksEverySampleWithoutAnInternalError(Edit edit) throws Exception {
        FrameworkCopy copy = edit.apply(FrameworkCopy.of(temp));
        if (edit.refused()) {
            assertThatThrownBy(copy::load).isInstanceOf(FrameworkException.class);
            return;
        }
        Framework framework = copy.load();
        TemplateWriter.workbook(framework, framework.profile("default").orElseThrow(), Optional.empty(), SigningKey.PUBLIC_DEMO).close();
        List<Path> samples = samples();
        assertThat(samples).hasSize(3);
        for (Path sample : samples) {
            CheckResult result = new ReturnChecker(framework).check(new WorkbookReader(framework).read(sample), Identity.DEMO);
            assertThat(result.findings()).as(sample.toString()).noneMatch(f -> f.code() == FindingCode.F14);
            assertThat(result.read()).as(sample.toString()).isPresent();
        }
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".xlsx") && !f.getFileName().toString().equals("roster.xlsx")).sorted().toList();
        }
    }
}
