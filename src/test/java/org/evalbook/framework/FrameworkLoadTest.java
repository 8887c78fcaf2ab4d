package org.evalbook.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped framework loads, in the repository and from the jar, with the profiles of indicators.md §3. */
class FrameworkLoadTest {
    private static final Framework BUNDLED = Frameworks.bundled(Frameworks.DEFAULT_ID);

    @Test
    void theBundledCopyIsTheRepositoryCopy() {
        assertThat(Frameworks.load(FrameworkCopy.SHIPPED)).isEqualTo(BUNDLED);
    }

    @Test
    void catalogueHasTheThirtyTwoIndicatorsOf53Hao() {
        assertThat(BUNDLED.indicators()).hasSize(32);
        assertThat(BUNDLED.indicator("process_budget_adjustment").orElseThrow().variants()).containsOnlyKeys("mof53", "hunan");
    }

    @Test
    void defaultProfileWeightsAreThoseOfTheSpec() {
        Profile profile = BUNDLED.profile("default").orElseThrow();
        assertThat(profile.entries()).hasSize(30);
        assertThat(plain(profile.weightsByLevel1())).containsExactly(
                Map.entry("投入", "15"), Map.entry("过程", "35"), Map.entry("产出", "25"), Map.entry("效果", "25"));
    }

    @Test
    void hunanProfileRegroupsItsSecondLevel() {
        Profile profile = BUNDLED.profile("hunan-2022").orElseThrow();
        assertThat(profile.entries()).hasSize(22);
        assertThat(plain(profile.weightsByLevel1())).containsExactly(
                Map.entry("投入", "13"), Map.entry("过程", "61"), Map.entry("产出", "16"), Map.entry("效果", "10"));
        assertThat(plain(profile.weightsByLevel2("过程"))).containsExactly(
                Map.entry("预算执行", "20"), Map.entry("预算管理", "26"), Map.entry("资产管理", "15"));
        assertThat(profile.entry("process_budget_adjustment").orElseThrow().name()).isEqualTo("预算控制率");
        assertThat(profile.entry("effect_economic")).isEmpty();
    }

    @Test
    void rulesCarryExactDecimals() {
        ProfileEntry hr = BUNDLED.profile("default").orElseThrow().entry("effect_hr").orElseThrow();
        assertThat(hr.weight()).isEqualTo(new BigDecimal("1.5"));
        assertThat(((Rule.Checklist) hr.rule()).points()).containsExactly(new BigDecimal("0.75"), new BigDecimal("0.75"));
        Rule.Step staff = (Rule.Step) BUNDLED.profile("default").orElseThrow().entry("input_staff_control").orElseThrow().rule();
        assertThat(staff).isEqualTo(new Rule.Step(Rule.Side.AT_MOST, new BigDecimal("1.00"), new BigDecimal("0.5"), BigDecimal.ONE));
    }

    private static Map<String, String> plain(Map<String, BigDecimal> weights) {
        Map<String, String> plain = new LinkedHashMap<>();
        weights.forEach((k, v) -> plain.put(k, v.stripTrailingZeros().toPlainString()));
        return plain;
    }
}
