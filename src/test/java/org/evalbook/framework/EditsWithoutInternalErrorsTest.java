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
        checkEverySample(framework, PROJECT);
    }

    /** The same for the project form's framework: refused at load, or it writes its blank form and checks every sample. */
    static Stream<Edit> projectEdits() {
        return Stream.of(
                new Edit("level weight changed without the others", "profiles/default.yaml", "  效益指标: 30", "  效益指标: 35", true),
                new Edit("weights moved between levels", "profiles/default.yaml", "  效益指标: 30", "  效益指标: 25", false,
                        "  满意度指标: 10", "  满意度指标: 15"),
                new Edit("execution worth more", "profiles/default.yaml", "execution: 10", "execution: 20", false,
                        "  产出指标: 50", "  产出指标: 40"),
                new Edit("a contract column renamed", "fields.yaml", "{id: pi_weight,", "{id: pi_points,", true),
                new Edit("a scoring kind mistyped", "indicators.yaml", "{symbol: 不适用, kind: not_applicable}", "{symbol: 不适用, kind: n/a}", true),
                new Edit("a level named in the profile but not in indicators.yaml", "indicators.yaml",
                        "  - {level: 效益指标,", "  - {level: 效果指标,", true),
                new Edit("the sum check over an unknown field", "checks.yaml", "pj_funds_carry_{period} +", "pj_funds_carryover_{period} +", true),
                new Edit("satisfaction no longer always 正向", "indicators.yaml", "[服务对象满意度指标], direction: positive}",
                        "[服务对象满意度指标]}", false),
                new Edit("over-target flag at 150 %", "indicators.yaml", "over_target: 120%", "over_target: 150%", false),
                new Edit("a spelling of ≥ dropped", "indicators.yaml", "{symbol: \"≥\", kind: positive, also: [\">=\", \"＞＝\", \"≧\"]}",
                        "{symbol: \"≥\", kind: positive}", false),
                new Edit("定性 bands moved", "indicators.yaml", "{level: 达成, from: 0.8,", "{level: 达成, from: 0.85,", false,
                        "{level: 部分达成, from: 0.6, to: 0.8}", "{level: 部分达成, from: 0.6, to: 0.85}"),
                new Edit("grade band moved", "framework.yaml", "{grade: 良, at_least: 80}", "{grade: 良, at_least: 85}", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projectEdits")
    void projectFrameworkEditIsRefusedOrChecksEverySampleWithoutAnInternalError(Edit edit) throws Exception {
        FrameworkCopy copy = edit.apply(FrameworkCopy.of(temp, Frameworks.PROJECT_ID));
        if (edit.refused()) {
            assertThatThrownBy(copy::loadAny).isInstanceOf(FrameworkException.class);
            return;
        }
        ProjectFramework project = (ProjectFramework) copy.loadAny();
        org.evalbook.template.ProjectWorkbookWriter.workbook(project, project.profileOrDefault("default"), Optional.empty(), List.of(),
                SigningKey.PUBLIC_DEMO).close();
        checkEverySample(DEPARTMENT, project);
    }

    private static final Framework DEPARTMENT = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private static final ProjectFramework PROJECT = (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID);

    /** Every sample return of both forms, checked with these frameworks: read, and no internal error. */
    private static void checkEverySample(Framework department, ProjectFramework project) throws IOException {
        List<Path> samples = samples();
        assertThat(samples).hasSize(7);
        for (Path sample : samples) {
            CheckResult result = new ReturnChecker(department, project).check(new WorkbookReader(department, project).read(sample), Identity.DEMO);
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
