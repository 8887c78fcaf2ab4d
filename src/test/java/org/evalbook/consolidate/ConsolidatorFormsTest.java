package org.evalbook.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.check.ReturnForm;
import org.evalbook.check.UnitIdentity;
import org.evalbook.framework.FieldValues;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.roster.RosterRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A unit's 部门整体支出 return and its project return are two submissions: each form is adopted on its own. */
class ConsolidatorFormsTest {
    private static final LocalDateTime DEADLINE = LocalDateTime.of(2027, 3, 31, 23, 59);

    @TempDir
    Path temp;

    @Test
    void aProjectReturnNeverSupersedesTheDepartmentOneAndTheLaterOfTwoProjectReturnsIsAdopted() throws Exception {
        CheckedReturn department = received(1, "001_部门整体支出.xlsx", "001", ReturnForm.DEPARTMENT, "2027-03-20T09:00");
        CheckedReturn firstProject = received(2, "001_项目_初报.xlsx", "001", ReturnForm.PROJECT, "2027-03-25T09:00");
        CheckedReturn resubmitted = received(3, "001_项目_重报.xlsx", "001", ReturnForm.PROJECT, "2027-03-28T09:00");
        CheckedReturn onlyProject = received(4, "003_项目.xlsx", "003", ReturnForm.PROJECT, "2027-03-26T09:00");
        List<RosterRow> roster = List.of(roster(2, "001", "县卫健委"), roster(3, "003", "县乡镇所"));

        Consolidation consolidation = new Consolidator(roster, Optional.of(DEADLINE), ZoneOffset.UTC)
                .consolidate(List.of(department, firstProject, resubmitted, onlyProject), List.of());

        assertThat(consolidation.files()).extracting(ReceivedFile::name, ReceivedFile::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("001_部门整体支出.xlsx", FileState.ADOPTED),
                org.assertj.core.groups.Tuple.tuple("001_项目_初报.xlsx", FileState.SUPERSEDED),
                org.assertj.core.groups.Tuple.tuple("001_项目_重报.xlsx", FileState.ADOPTED),
                org.assertj.core.groups.Tuple.tuple("003_项目.xlsx", FileState.ADOPTED));
        assertThat(consolidation.files().get(1).reason()).isEqualTo("同一单位另有较新的一份：“001_项目_重报.xlsx”，以较新的一份为准。");
        UnitResult first = consolidation.units().get(0);
        assertThat(first.status()).isEqualTo(UnitStatus.ON_TIME);
        assertThat(first.adopted()).map(CheckedReturn::file).contains("001_部门整体支出.xlsx");
        assertThat(first.project()).map(CheckedReturn::file).contains("001_项目_重报.xlsx");
        // 003 sent only its project return: its 部门整体支出 return is still missing.
        UnitResult third = consolidation.units().get(1);
        assertThat(third.status()).isEqualTo(UnitStatus.MISSING);
        assertThat(third.adopted()).isEmpty();
        assertThat(third.project()).map(CheckedReturn::file).contains("003_项目.xlsx");
        assertThat(consolidation.hasProjects()).isTrue();
        assertThat(consolidation.projectFormReceived()).isTrue();
    }

    @Test
    void aRunWithoutProjectReturnsHasNone() throws Exception {
        CheckedReturn department = received(1, "001_部门整体支出.xlsx", "001", ReturnForm.DEPARTMENT, "2027-03-20T09:00");
        Consolidation consolidation = new Consolidator(List.of(roster(2, "001", "县卫健委")), Optional.of(DEADLINE), ZoneOffset.UTC)
                .consolidate(List.of(department), List.of());
        assertThat(consolidation.units().get(0).project()).isEmpty();
        assertThat(consolidation.hasProjects()).isFalse();
        assertThat(consolidation.projectFormReceived()).isFalse();
    }

    private CheckedReturn received(int order, String name, String code, ReturnForm form, String at) throws Exception {
        Path file = Files.writeString(temp.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(LocalDateTime.parse(at).toInstant(ZoneOffset.UTC)));
        return new CheckedReturn(order, name, file, "xlsx", "sha-" + name, Optional.of(new UnitIdentity(code, "", "2023", true)),
                Optional.empty(), Map.of(), Map.of(), List.of(), form, List.of());
    }

    private static RosterRow roster(int row, String code, String name) {
        return new RosterRow(row, code, name, "县财政局", "李会计", code + "@example.cn", 2023, Optional.empty(), FieldValues.builder().build());
    }
}
