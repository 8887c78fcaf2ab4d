package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evalbook consolidate} as the README describes it. */
class ConsolidateCommandTest {
    @TempDir
    Path temp;

    @Test
    void withoutOptionsItExplainsInChineseWhatItNeeds() {
        CliRun run = CliRun.of("consolidate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("汇总需要三样东西：名册、收回的文件夹、汇总表的保存位置", "--roster", "--in", "--out");
    }

    @Test
    void theWorkbookIsWrittenAndEveryFileCounted() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        Files.copy(Path.of("test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx"), in.resolve("珠晖.xlsx"));
        Files.copy(Path.of("test-workbooks/clean/0530102_五华区计划生育协会_2023.xlsx"), in.resolve("五华.xlsx"));
        Files.writeString(in.resolve("说明.txt"), "随后补交。");
        Path out = temp.resolve("汇总.xlsx");
        Path json = temp.resolve("汇总.json");
        CliRun run = CliRun.of("consolidate", "--demo-key", "--roster", "test-workbooks/roster.xlsx", "--in", in.toString(),
                "--out", out.toString(), "--json", json.toString(), "--annotate", temp.resolve("退回").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("收到文件 3 个 = 已采用 2 + 被替代 0 + 未匹配 0 + 已拒收 1 + 已忽略 0",
                "名册单位 4 家：已报送 2，未报送 2。", "审核意见副本：", "汇总表：" + out);
        assertThat(out).exists();
        assertThat(new ObjectMapper().readTree(json.toFile()).get("files")).hasSize(3);
        try (var stream = Files.list(temp)) {
            assertThat(stream.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".partial") || name.endsWith(".tmp"));
        }
    }

    @Test
    void aDeadlineThatIsNotADateIsAUsageError() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        CliRun run = CliRun.of("consolidate", "--roster", "test-workbooks/roster.xlsx", "--in", in.toString(), "--out",
                temp.resolve("o.xlsx").toString(), "--deadline", "3月31日");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("“3月31日”不是日期");
    }
}
