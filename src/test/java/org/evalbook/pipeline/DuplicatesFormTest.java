package org.evalbook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.check.ReturnForm;
import org.evalbook.check.UnitIdentity;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.junit.jupiter.api.Test;

/** C25 is about two returns of one unit, year and form: a unit's project return is no duplicate of its 部门整体支出 return. */
class DuplicatesFormTest {
    @Test
    void twoProjectReturnsOfAUnitAreDuplicatesOfEachOtherButNotOfItsDepartmentReturn() {
        List<CheckedReturn> marked = Duplicates.mark(List.of(returned(0, "001.xlsx", ReturnForm.DEPARTMENT),
                returned(1, "001_项目_初报.xlsx", ReturnForm.PROJECT), returned(2, "001_项目_重报.xlsx", ReturnForm.PROJECT)));

        assertThat(marked.get(0).findings()).isEmpty();
        assertThat(marked.get(1).findings()).extracting(Finding::code).containsExactly(FindingCode.C25);
        assertThat(marked.get(1).findings().get(0).message()).isEqualTo("本次同时收到同一单位同一年度（单位代码 001，2023 年度，项目支出绩效自评表）"
                + "的另外 1 份填报表：“001_项目_重报.xlsx”，内容不同。请确认以哪一份为准，把其余几份移出收件文件夹后重新检查。");
        assertThat(marked.get(2).findings().get(0).message()).contains("“001_项目_初报.xlsx”");
    }

    private static CheckedReturn returned(int order, String file, ReturnForm form) {
        return new CheckedReturn(order, file, Path.of(file), "xlsx", "sha-" + file, Optional.of(new UnitIdentity("001", "县卫健委", "2023", true)),
                Optional.empty(), Map.of(), Map.of(), List.of(), form, List.of());
    }
}
