package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Frameworks;
import org.evalbook.intake.ProjectReturns;
import org.evalbook.intake.ProjectReturns.Indicator;
import org.evalbook.intake.ProjectReturns.Project;
import org.evalbook.intake.WorkbookReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project return checked: consistent it raises nothing; each planted mistake gives its finding at its sheet and cell. */
class ProjectChecksTest {
    private static final org.evalbook.framework.Framework DEPARTMENT = Frameworks.bundled(Frameworks.DEFAULT_ID);
    @TempDir
    Path dir;

    @Test
    void aConsistentReturnOfTwoProjectsRaisesNothingAndEachSheetIsRecomputed() throws Exception {
        CheckResult result = check(List.of(ProjectReturns.consistent("项目1", "农民技能培训"), ProjectReturns.consistent("项目2", "乡村道路养护")));
        assertThat(result.findings()).isEmpty();
        assertThat(result.form()).isEqualTo(ReturnForm.PROJECT);
        assertThat(result.profile()).contains("default");
        assertThat(result.unit().orElseThrow().code()).isEqualTo(ProjectReturns.UNIT_CODE);
        assertThat(result.projects()).extracting(ProjectOutcome::sheet).containsExactly("项目1", "项目2");
        ProjectOutcome first = result.projects().get(0);
        assertThat(first.name()).isEqualTo("农民技能培训");
        assertThat(first.score().executionRate()).contains(new BigDecimal("0.9500"));
        assertThat(first.score().total()).isEqualByComparingTo("96.50");
        assertThat(first.score().grade()).isEqualTo("优");
        assertThat(first.selfTotal()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("96.5"));
    }

    /** 池州: the total line's 全年预算数 is 0 under filled parts, and the unit typed 10 over 执行率得分. */
    @Test
    void chizhouTotalLineZeroUnderFilledPartsGivesC27C23AndTheTypedExecutionScoreC18AndC14() throws Exception {
        Project p = ProjectReturns.consistent("项目1", "农民技能培训");
        p.funds[0][1] = 0;
        p.typedOver.put("pj_exec_score", 10);
        CheckResult result = check(List.of(p));
        assertThat(find(result, FindingCode.C27)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.sheet()).isEqualTo("项目1");
            assertThat(f.cells()).containsExactly("项目1!C8", "项目1!C9", "项目1!C10");
            assertThat(f.message()).startsWith("项目1!C8 年度资金总额（全年预算数） 0.00 万元 ≠ 当年财政拨款 80.00 + 上年结转资金 20.00 = 100.00 万元").contains("差 100.00");
        });
        assertThat(find(result, FindingCode.C23)).singleElement().satisfies(f -> assertThat(f.cells()).containsExactly("项目1!C8", "项目1!D8"));
        assertThat(find(result, FindingCode.C18)).singleElement().satisfies(f -> assertThat(f.cells()).containsExactly("项目1!D13"));
        // Rows 87 + 执行率得分 0 = 87.00, 良: the typed 10, the 自评总分 96.5 and 优 each differ.
        assertThat(find(result, FindingCode.C14)).extracting(Finding::cells)
                .containsExactlyInAnyOrder(List.of("项目1!D13"), List.of("项目1!B37"), List.of("项目1!D37"));
        assertThat(result.projects().get(0).score().total()).isEqualByComparingTo("87.00");
    }

    /** 重庆: full marks for a ≥ indicator achieved at 72.74 %. */
    @Test
    void chongqingFullMarksForAMissedTargetIsC16AndTheTotalC14() throws Exception {
        Project p = ProjectReturns.consistent("项目1", "农民技能培训");
        p.rows.set(0, p.rows.get(0).withActual(new BigDecimal("363.7")));
        CheckResult result = check(List.of(p));
        assertThat(find(result, FindingCode.C16)).singleElement().satisfies(f -> {
            assertThat(f.cells()).startsWith("项目1!I19");
            assertThat(f.message()).contains("72.74%").contains("按规则应得 14.55 分");
        });
        assertThat(find(result, FindingCode.C14)).singleElement().satisfies(f -> assertThat(f.message()).contains("复核为 91.05 分"));
    }

    @Test
    void choicesWeightsBandsReasonsAndTargetsSetTooLow() throws Exception {
        Project p = ProjectReturns.consistent("项目1", "农民技能培训");
        p.rows.set(0, p.rows.get(0).withActual(700));
        p.rows.set(1, p.rows.get(1).op("大于"));
        p.rows.set(2, p.rows.get(2).level1("成本指标"));
        p.rows.set(3, p.rows.get(3).reason(null));
        p.rows.set(4, new Indicator("满意度指标", "服务对象满意度", "群众满意度", "定性", null, null, "部分达成", 10, 9, "个别村宣传不到位"));
        CheckResult result = check(List.of(p));
        assertThat(find(result, FindingCode.C29)).singleElement().satisfies(f -> assertThat(f.cells()).containsExactly("项目1!G19", "项目1!E19"));
        assertThat(find(result, FindingCode.C24)).extracting(Finding::cells)
                .containsExactlyInAnyOrder(List.of("项目1!D20"), List.of("项目1!A21"));
        assertThat(find(result, FindingCode.C28)).singleElement().satisfies(f -> {
            assertThat(f.cells()).containsExactly("项目1!H19", "项目1!H20");
            assertThat(f.message()).contains("“产出指标”下 2 项指标的分值合计 35.00 分").contains("50.00 分");
        });
        assertThat(find(result, FindingCode.C15)).singleElement().satisfies(f -> assertThat(f.cells()).containsExactly("项目1!I22"));
        assertThat(find(result, FindingCode.C22)).singleElement().satisfies(f -> {
            assertThat(f.cells()).containsExactly("项目1!I23");
            assertThat(f.message()).contains("6.00–7.99 分");
        });
    }

    @Test
    void aJudgementRowWithoutALevelIsC24AndAScoreAboveItsWeightC14WithNothingFailingInside() throws Exception {
        Project p = ProjectReturns.consistent("项目1", "农民技能培训");
        p.rows.set(1, p.rows.get(1).self(16));
        p.rows.set(4, p.rows.get(4).op("定性").withActual("很好"));
        CheckResult result = check(List.of(p));
        assertThat(find(result, FindingCode.F14)).isEmpty();
        assertThat(find(result, FindingCode.C24)).singleElement().satisfies(f -> assertThat(f.cells()).containsExactly("项目1!G23"));
        assertThat(find(result, FindingCode.C14)).extracting(Finding::cells).contains(List.of("项目1!I20"));
        assertThat(find(result, FindingCode.C14).get(0).message()).isEqualTo("项目1!I20 第 2 行指标“培训合格率”自评 16.00 分，超过分值 15.00 分。请改正。");
    }

    @Test
    void blanksTextNumbersAndFormulas() throws Exception {
        Project p = ProjectReturns.consistent("项目1", "农民技能培训");
        p.actual = null;
        p.funds[1][2] = "76万元";
        p.rows.set(1, p.rows.get(1).self(null));
        p.typedOver.put("pj_score_total", 96.5);
        p.staleCache.put("pj_grade", "良");
        CheckResult result = check(List.of(p));
        assertThat(find(result, FindingCode.C11)).extracting(Finding::cells)
                .containsExactlyInAnyOrder(List.of("项目1!B16"), List.of("项目1!I20"));
        assertThat(find(result, FindingCode.C13)).singleElement().satisfies(f -> assertThat(f.cells()).containsExactly("项目1!D9"));
        assertThat(find(result, FindingCode.C18)).singleElement().satisfies(f -> assertThat(f.cells()).containsExactly("项目1!F37"));
        assertThat(find(result, FindingCode.C26)).singleElement().satisfies(f -> {
            assertThat(f.cells()).containsExactly("项目1!H37");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void withoutItsMetaAProjectReturnIsRecognisedByItsSheetsAndC19Says() throws Exception {
        CheckResult result = check(List.of(ProjectReturns.consistent("项目1", "农民技能培训")), w -> w.removeSheetAt(w.getSheetIndex("meta")));
        assertThat(result.form()).isEqualTo(ReturnForm.PROJECT);
        assertThat(find(result, FindingCode.C19)).singleElement().satisfies(f -> assertThat(f.message()).contains("没有下发标识"));
    }

    private CheckResult check(List<Project> projects) throws Exception {
        return check(projects, w -> { });
    }

    private CheckResult check(List<Project> projects, Consumer<org.apache.poi.xssf.usermodel.XSSFWorkbook> edit) throws Exception {
        Path file = ProjectReturns.write(dir.resolve("return.xlsx"), projects, edit);
        return new ReturnChecker(DEPARTMENT).check(new WorkbookReader(DEPARTMENT).read(file), Identity.DEMO);
    }

    private static List<Finding> find(CheckResult result, FindingCode code) {
        return result.findings().stream().filter(f -> f.code() == code).toList();
    }
}
