package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
    void theAnnotatedCopiesAreThoseOfTheAcceptedReturnsWithErrorsOnly() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        Path a = Files.createDirectories(in.resolve("区县A"));
        Path b = Files.createDirectories(in.resolve("区县B"));
        Path zhuhui = Path.of("test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx");
        received(zhuhui, a.resolve("珠晖-第一次.xlsx"), "2027-03-20T09:00:00Z");  // with errors, superseded by the resubmission
        received(zhuhui, b.resolve("珠晖-重报.xlsx"), "2027-03-30T16:00:00Z");    // with errors, accepted
        received(Path.of("test-workbooks/clean/0530102_五华区计划生育协会_2023.xlsx"), b.resolve("五华.xlsx"), "2027-03-29T10:00:00Z"); // clean, accepted
        // 昆明 has errors and is not in this roster: unmatched
        received(Path.of("test-workbooks/returned/0530101_昆明市计划生育协会_2017.xlsx"), a.resolve("昆明.xlsx"), "2027-03-29T11:00:00Z");
        Path roster = Files.writeString(temp.resolve("名册.csv"), "单位代码,单位名称,主管部门,联系人,邮箱,年度\r\n"
                + "0430405,珠晖区计划生育协会,珠晖区卫生健康局,李四,zh@example.cn,2022\r\n"
                + "0530102,五华区计划生育协会,五华区卫生健康局,王五,wh@example.cn,2023\r\n");
        Map<Path, byte[]> sent = contents(in);
        Path copies = temp.resolve("退回");
        Path json = temp.resolve("汇总.json");
        CliRun run = CliRun.of("consolidate", "--demo-key", "--roster", roster.toString(), "--in", in.toString(),
                "--out", temp.resolve("汇总.xlsx").toString(), "--json", json.toString(), "--annotate", copies.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("收到文件 4 个 = 已采用 2 + 被替代 1 + 未匹配 1 + 已拒收 0 + 已忽略 0");

        Path copy = copies.resolve("珠晖-重报_审核意见.xlsx");
        try (Stream<Path> listing = Files.list(copies)) {
            assertThat(listing.toList()).containsExactly(copy);
        }
        assertThat(run.out().lines().filter(line -> line.startsWith("审核意见副本："))).containsExactly("审核意见副本：" + copy);
        JsonNode accepted = StreamSupport.stream(new ObjectMapper().readTree(json.toFile()).get("files").spliterator(), false)
                .filter(file -> file.get("file").asText().equals("区县B/珠晖-重报.xlsx")).findFirst().orElseThrow();
        try (InputStream stream = Files.newInputStream(copy); XSSFWorkbook workbook = new XSSFWorkbook(stream)) {
            assertThat(workbook.getSheetName(workbook.getActiveSheetIndex())).isEqualTo("审核意见");
            assertThat(workbook.getSheet("审核意见").getLastRowNum()).isEqualTo(accepted.get("findings").size()).isPositive();
        }
        assertThat(contents(in)).as("the returns as the units sent them").containsOnlyKeys(sent.keySet())
                .allSatisfy((file, bytes) -> assertThat(bytes).isEqualTo(sent.get(file)));
    }

    private static void received(Path from, Path to, String instant) throws Exception {
        Files.copy(from, to);
        Files.setLastModifiedTime(to, FileTime.from(Instant.parse(instant)));
    }

    private static Map<Path, byte[]> contents(Path folder) throws Exception {
        Map<Path, byte[]> contents = new HashMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                contents.put(file, Files.readAllBytes(file));
            }
        }
        return contents;
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
