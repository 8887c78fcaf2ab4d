package org.evalbook.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.evalbook.check.ScoreSheet;
import org.evalbook.check.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing a weight or adding a checklist indicator is an edit of the framework files only. */
class EditedFrameworkTest {
    @TempDir
    Path temp;

    private static FieldValues zhuhuiStaffing() {
        return FieldValues.builder().number("staff_actual", "5").number("staff_authorized", "7").build();
    }

    @Test
    void changingAWeightChangesTheScore() {
        Framework shipped = Frameworks.load(FrameworkCopy.SHIPPED);
        Framework edited = FrameworkCopy.of(temp)
                .edit("profiles/hunan-2022.yaml", "    weight: 5\n    rule: {kind: step, good: at_most, threshold: 100%, penalty: 0.5, per: 1}",
                        "    weight: 7\n    rule: {kind: step, good: at_most, threshold: 100%, penalty: 0.5, per: 1}")
                .edit("profiles/hunan-2022.yaml", "    weight: 8\n", "    weight: 6\n")
                .load();

        ScoreSheet before = new Scorer(shipped, shipped.profile("hunan-2022").orElseThrow()).score(zhuhuiStaffing());
        ScoreSheet after = new Scorer(edited, edited.profile("hunan-2022").orElseThrow()).score(zhuhuiStaffing());

        // 在职人员控制率 71.43 % earns its full weight: 5 before, 7 after; plus the two building indicators' 5 + 5.
        assertThat(before.indicator("input_staff_control").orElseThrow().score()).contains(new BigDecimal("5.00"));
        assertThat(after.indicator("input_staff_control").orElseThrow().score()).contains(new BigDecimal("7.00"));
        assertThat(before.total()).isEqualTo(new BigDecimal("15.00"));
        assertThat(after.total()).isEqualTo(new BigDecimal("17.00"));
    }

    @Test
    void addingAChecklistIndicatorAddsItsNamesAndItsScore() {
        Framework edited = FrameworkCopy.of(temp)
                .edit("indicators.yaml", "    items: [档案制度健全, 资料完整归档]\n", """
                            items: [档案制度健全, 资料完整归档]

                          - id: effect_informatization
                            level1: 效果
                            level2: 能力建设
                            name: 信息化建设
                            kind: checklist
                            items: [有财务信息系统, 系统有效运行]
                        """)
                .edit("profiles/default.yaml", "{indicator: effect_longterm, weight: 2, rule: {kind: checklist, points: [1, 1]}}",
                        "{indicator: effect_longterm, weight: 1, rule: {kind: checklist, points: [0.5, 0.5]}}\n"
                                + "  - {indicator: effect_informatization, weight: 1, rule: {kind: checklist, points: [0.5, 0.5]}}")
                .load();

        assertThat(FieldContract.of(edited)).extracting(DefinedName::id).contains("self_effect_informatization",
                "reason_effect_informatization", "check_effect_informatization_1", "check_effect_informatization_2",
                "score_effect_informatization");
        FieldValues answers = FieldValues.builder().text("check_effect_informatization_1", "是")
                .text("check_effect_informatization_2", "否").build();
        ScoreSheet sheet = new Scorer(edited, edited.profile("default").orElseThrow()).score(answers);
        assertThat(sheet.indicator("effect_informatization").orElseThrow().score()).contains(new BigDecimal("0.50"));
    }
}
