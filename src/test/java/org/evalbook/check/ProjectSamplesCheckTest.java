package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * The round trip on the committed project samples (issued by the real writer, filled by name, saved): the 昆明 return is
 * consistent, and each mistake the 石鼓 return plants (test-workbooks/project/README.md) gives its finding at its cell.
 */
class ProjectSamplesCheckTest {
    private static final Path SAMPLES = Path.of("test-workbooks", "project");

    @Test
    void kunmingsSixProjectsCheckWithoutErrors() {
        CheckResult result = Checks.of(SAMPLES.resolve("0530101_昆明市计划生育协会_2017_项目支出绩效自评.xlsx"));
        assertThat(result.form()).isEqualTo(ReturnForm.PROJECT);
        assertThat(result.projects()).extracting(ProjectOutcome::name).containsExactly("计生基层群众自治示范乡镇创建", "优秀会员之家创建",
                "流动人口服务管理示范点创建", "计划生育特殊家庭帮扶", "生育关怀行动", "青春健康项目");
        assertThat(result.findings()).as(Checks.describe(result)).noneMatch(f -> f.severity() == Severity.ERROR);
        // 3 示范点 against a target of 2 is 150 %: a legitimate 指标值设定明显偏低.
        assertThat(result.findings()).extracting(f -> f.code().name(), Finding::sheet, f -> f.cells().get(0))
                .containsExactly(tuple("C29", "青春健康项目", "青春健康项目!G13"));
        assertThat(result.projects().get(4).score().total()).isEqualByComparingTo("97.00");
    }

    @Test
    void shiguPlantsChizhousZeroTotalAndChongqingsFullMarks() {
        CheckResult result = Checks.of(SAMPLES.resolve("0430406_石鼓区计划生育协会_2022_项目支出绩效自评.xlsx"));
        assertThat(result.findings()).as(Checks.describe(result))
                .extracting(f -> f.code().name(), f -> f.cells().get(0))
                .containsExactlyInAnyOrder(
                        tuple("C27", "计生特殊家庭帮扶项目!F6"), tuple("C27", "计生特殊家庭帮扶项目!G6"),
                        tuple("C23", "计生特殊家庭帮扶项目!F6"),
                        tuple("C16", "青少年健康服务项目!J13"),
                        tuple("C14", "青少年健康服务项目!J28"));
        ProjectScore chongqing = result.projects().get(1).score();
        assertThat(chongqing.rows().get(0).score()).contains(new java.math.BigDecimal("14.55"));
        assertThat(chongqing.total()).isEqualByComparingTo("93.25");
        assertThat(result.projects().get(0).score().executionRate()).isEmpty();
    }
}
