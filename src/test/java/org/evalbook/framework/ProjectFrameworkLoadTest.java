package org.evalbook.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project form loads from its files, and an edit the code cannot honour is refused with file, entry and fix. */
class ProjectFrameworkLoadTest {
    @TempDir
    Path temp;

    @Test
    void bundledProjectFrameworkLoads() {
        ProjectFramework project = (ProjectFramework) Frameworks.bundledAny(Frameworks.PROJECT_ID);
        assertThat(project.indicatorTable().columns()).extracting(FieldDef::id).startsWith("pi_level1", "pi_level2", "pi_name");
        assertThat(project.projectFields()).extracting(FieldDef::id).contains("pj_funds_total_exec", "pj_funds_other_initial", "pj_self_grade");
        assertThat(project.unitFields()).extracting(FieldDef::id).containsExactly("unit_code", "unit_name", "fiscal_year",
                "contact_name", "contact_phone", "fill_date");
        assertThat(project.profile("default").orElseThrow().levels()).containsExactly(
                java.util.Map.entry("产出指标", new BigDecimal("50")), java.util.Map.entry("效益指标", new BigDecimal("30")),
                java.util.Map.entry("满意度指标", new BigDecimal("10")));
        assertThat(project.operator(">=").orElseThrow().kind()).isEqualTo(OperatorKind.POSITIVE);
        assertThat(project.level("满意度").orElseThrow().direction()).contains(OperatorKind.POSITIVE);
        assertThat(project.level("产出指标").orElseThrow().allows("数量")).isTrue();
        assertThat(project.sums()).hasSize(3).allMatch(s -> s.code().equals("C27"));
        assertThat(project.overTarget()).isEqualByComparingTo("1.2");
    }

    @Test
    void departmentLoaderRefusesTheProjectForm() {
        assertThatThrownBy(() -> Frameworks.bundled(Frameworks.PROJECT_ID)).isInstanceOf(FrameworkException.class)
                .hasMessageContaining("这是项目支出绩效自评框架");
        assertThat(Frameworks.bundledAny(Frameworks.DEFAULT_ID)).isInstanceOf(Framework.class);
    }

    @Test
    void profileWeightsNotAddingUpToAHundred() {
        FrameworkCopy copy = FrameworkCopy.of(temp, Frameworks.PROJECT_ID).edit("profiles/default.yaml", "  效益指标: 30", "  效益指标: 35");
        assertThatThrownBy(copy::loadAny).isInstanceOf(FrameworkException.class).hasMessage(
                "profiles/default.yaml：方案 default：分值合计 105，应为 100（预算执行率 10 · 产出指标 50 · 效益指标 35 · 满意度指标 10）。"
                        + "请调整分值，使合计为 100。");
    }

    @Test
    void contractNameRenamed() {
        FrameworkCopy copy = FrameworkCopy.of(temp, Frameworks.PROJECT_ID).edit("fields.yaml", "{id: pi_self,", "{id: pi_selfscore,");
        assertThatThrownBy(copy::loadAny).isInstanceOf(FrameworkException.class).hasMessage(
                "fields.yaml：表格 pi：缺少绩效指标表的列 pi_self。pi_self 是公开的字段代码（fields-project.md），不能删除或改名；请恢复它。");
    }

    @Test
    void unknownScoringKind() {
        FrameworkCopy copy = FrameworkCopy.of(temp, Frameworks.PROJECT_ID).edit("indicators.yaml", "{symbol: \"=\", kind: equal", "{symbol: \"=\", kind: equals");
        assertThatThrownBy(copy::loadAny).isInstanceOf(FrameworkException.class).hasMessage(
                "indicators.yaml：指标性质 =：未知的 kind equals。kind 只能是 positive、negative、equal、judgement 或 not_applicable。\n"
                        + "indicators.yaml：operators：没有 kind 为 equal 的指标性质。请为它写一项，如 {symbol: \"≥\", kind: positive}。");
    }
}
