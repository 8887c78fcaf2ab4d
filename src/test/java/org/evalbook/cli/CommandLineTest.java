package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.Frameworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands the README documents, run as a user runs them. */
class CommandLineTest {
    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("fields", "profiles");
    }

    @Test
    void demoScoresTheTwoSeedUnitsAndRunsTheDeadlineJob(@TempDir Path temp) throws Exception {
        CliRun run = CliRun.of("demo", "--samples", "test-workbooks", "--out", temp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("昆明市计划生育协会 — 评价方案 默认方案", "规则总分 3.00，等级 差",
                "珠晖区计划生育协会 — 评价方案 湖南2022方案", "规则总分 21.00，等级 差",
                "5 / 7 = 71.43%，得 5.00 分", "0.00 / 0.00（0/0）；按方案规则计满分（6.00 分）",
                // by hand: 珠晖 twice (the first superseded), 昆明 late, 五华 clean, a PDF and a lock file; 石鼓 missing;
                // of the project form 昆明 (6 projects) and 石鼓 (2), each adopted beside its unit's other form
                "收到文件 8 个 = 已采用 5 + 被替代 1 + 未匹配 0 + 已拒收 0 + 已忽略 2",
                "名册单位 4 家：按时报送 2，逾期报送 1，未报送 1。", "项目支出绩效自评表：2 家单位报送，共 8 个项目。", "汇总表：");
        try (var in = java.nio.file.Files.newInputStream(temp.resolve("汇总.xlsx"));
             var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            List<String> sheets = new java.util.ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsExactly("综述", "汇总", "指标得分", "问题清单", "项目自评", "报送情况", "统计分析");
        }
        CliRun again = CliRun.of("demo", "--samples", "test-workbooks", "--out", temp.toString());
        assertThat(again.exitCode()).as("a second run rebuilds its own inbox").isZero();
    }

    @Test
    void demoWithoutSamplesSaysWhereToRunIt(@TempDir Path temp) {
        CliRun run = CliRun.of("demo", "--samples", temp.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("找不到样例文件夹", "--samples");
    }

    @Test
    void fieldsPrintsOneLinePerDefinedName() {
        CliRun run = CliRun.of("fields", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        int names = FieldContract.of(Frameworks.bundled(Frameworks.DEFAULT_ID)).size();
        assertThat(lines).hasSize(names + 1);
        assertThat(lines.get(0)).isEqualTo("\uFEFF代码,名称,单位,类型,必填,范围");
        assertThat(lines).contains("exp_basic_final,决算数·基本支出,万元,金额,必填,单元格",
                "proj_final,项目支出明细·执行数,万元,金额,至少填一行,表格列",
                "check_process_disclosure_2,预决算信息公开性·按规定公开决算,,选项,方案使用该指标时必填,单元格",
                "rate_input_staff_control,指标计算值·在职人员控制率,%,百分比,公式计算（锁定）,单元格");
    }

    @Test
    void fieldsAsMarkdownIsATable() {
        CliRun run = CliRun.of("fields");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("| 代码 | 名称 | 单位 | 类型 | 必填 | 范围 |", "| `unit_code` | 单位代码 |  | 文本 | 预填（锁定） | 单元格 |");
    }

    @Test
    void profilesShowWeightsPerLevel() {
        CliRun run = CliRun.of("profiles");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("默认方案（--profile default）：30 个指标，合计 100.00 分", "  投入 15.00 分", "    目标设定 5.00 分",
                "湖南2022方案（--profile hunan-2022）：22 个指标，合计 100.00 分", "  过程 61.00 分", "    预算管理 26.00 分");
    }

    @Test
    void profilesWithIndicatorsShowTheRules() {
        CliRun run = CliRun.of("profiles", "--indicators");
        assertThat(run.out()).contains("      在职人员控制率 5.00 分（input_staff_control）：≤100%得满分，每超过1个百分点扣0.5分（不足1个百分点按1个百分点计），"
                + "扣完为止；公式：实际在职人数 / 编制数；分子分母均为 0 时得满分；分母为 0 时得 0 分；缺少数据时得 0 分");
    }

    @Test
    void aBrokenFrameworkFolderIsAUsageErrorWithTheMessage(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("broken");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("framework.yaml"), "id: broken\n");
        CliRun run = CliRun.of("profiles", "--framework", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("框架有误，未能加载：",
                "framework.yaml：框架：缺少 id、name、version、periods、grades 或 profiles。");
    }

    @Test
    void aFrameworkCopyWithAMistypedCheckCodeIsRefusedBeforeAnythingIsReadOrWritten(@TempDir Path temp) throws IOException {
        Path copy = temp.resolve("my-framework");
        Path shipped = Path.of("workbook-templates", Frameworks.DEFAULT_ID);
        try (var files = Files.walk(shipped)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(shipped.relativize(source).toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
        Path checks = copy.resolve("checks.yaml");
        Files.writeString(checks, Files.readString(checks).replace("  - code: C01\n", "  - code: C1\n"));
        String refusal = "框架有误，未能加载：\n"
                + "checks.yaml：核对 C1（inc_total）：未知的核对编号 C1。核对编号须是 docs/findings.md 中列出的 C 类编号，如 C01。\n";

        CliRun check = CliRun.of("check", "test-workbooks/returned", "--framework", copy.toString(), "--demo-key");
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).isEqualTo(refusal);
        CliRun template = CliRun.of("template", "--framework", copy.toString(), "--out", temp.resolve("blank").toString());
        assertThat(template.exitCode()).isEqualTo(2);
        assertThat(template.err()).isEqualTo(refusal);
        assertThat(temp.resolve("blank")).doesNotExist();
    }

    @Test
    void anUnknownFrameworkIdIsAUsageError() {
        CliRun run = CliRun.of("fields", "--framework", "no-such-framework");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("没有名为 no-such-framework 的内置框架。");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CliRun run = CliRun.of("fields", "--format", "xlsx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format");
    }
}
