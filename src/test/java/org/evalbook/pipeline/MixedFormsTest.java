package org.evalbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnForm;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.IsolatedReader;
import org.evalbook.intake.ProjectContract;
import org.evalbook.intake.ProjectReturns;
import org.evalbook.intake.ReceivedFiles;
import org.evalbook.report.CheckReportJson;
import org.evalbook.report.CheckReportText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One check run over a folder holding returns of both forms: each is read by the workers and checked under its own framework. */
class MixedFormsTest {
    @TempDir
    Path temp;

    @Test
    void aFolderOfBothFormsIsCheckedEachUnderItsOwnFrameworkAndReportedPerProject() throws Exception {
        Path inbox = Files.createDirectories(temp.resolve("inbox"));
        Files.copy(CheckRunTest.ZHUHUI, inbox.resolve(CheckRunTest.ZHUHUI.getFileName().toString()));
        ProjectReturns.Project missed = ProjectReturns.consistent("项目2", "乡村道路养护");
        missed.rows.set(0, missed.rows.get(0).withActual(new BigDecimal("363.7")));
        ProjectReturns.write(inbox.resolve("301001_池州市示范局_2025_项目支出绩效自评.xlsx"),
                List.of(ProjectReturns.consistent("项目1", "农民技能培训"), missed));
        Path out = temp.resolve("out");
        CheckRun.Options options = new CheckRun.Options(Frameworks.DEFAULT_ID, CheckRunTest.FRAMEWORK, Frameworks.PROJECT_ID,
                ProjectContract.bundled(), new IsolatedReader.Limits(2, Duration.ofSeconds(60), 512), raw -> Identity.DEMO,
                Optional.of(CopyFolder.everyReadable(out)));
        CheckRun.Outcome outcome = new CheckRun(options).runAll(ReceivedFiles.scan(List.of(inbox.toString()), List.of(out)));

        assertThat(outcome.internalError()).isFalse();
        CheckedReturn department = outcome.results().stream().filter(r -> r.file().contains("珠晖区")).findFirst().orElseThrow();
        CheckedReturn project = outcome.results().stream().filter(r -> r.file().contains("项目支出")).findFirst().orElseThrow();
        assertThat(department.form()).isEqualTo(ReturnForm.DEPARTMENT);
        assertThat(department.scores()).isPresent();
        assertThat(project.form()).isEqualTo(ReturnForm.PROJECT);
        assertThat(project.projects()).extracting(org.evalbook.check.ProjectOutcome::name).containsExactly("农民技能培训", "乡村道路养护");
        assertThat(project.projects().get(1).score().total()).isEqualByComparingTo("91.05");
        assertThat(project.findings()).extracting(Finding::code).containsExactlyInAnyOrder(FindingCode.C14, FindingCode.C16);
        assertThat(project.findings()).allSatisfy(f -> assertThat(f.sheet()).isEqualTo("项目2"));
        assertThat(outcome.summary().copies()).hasSize(2);

        StringWriter text = new StringWriter();
        CheckReportText.write(new PrintWriter(text), outcome.results(), CheckRunTest.FRAMEWORK, ProjectContract.bundled());
        assertThat(text.toString()).contains("项目支出绩效自评 2 个项目，评价方案 默认方案")
                .contains("项目 1：农民技能培训（工作表 项目1）\n  复核：预算执行率 95.00%，总分 96.50，等级 优；自评：总分 96.50，等级 优")
                .contains("项目 2：乡村道路养护（工作表 项目2）\n  复核：预算执行率 95.00%，总分 91.05，等级 优；自评：总分 96.50，等级 优");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        CheckReportJson.write(json, outcome.results());
        assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"form\" : \"project\"").contains("\"recomputed_total\" : \"91.05\"");
    }
}
