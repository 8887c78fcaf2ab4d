package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.template.WorkbookFiller;
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
        assertThat(run.err()).startsWith("缺少 --roster（名册）、--in（收回的文件夹）、--out（汇总表.xlsx）。")
                .contains("汇总需要三样东西：名册、收回的文件夹、汇总表的保存位置", "2027年3月31日").endsWith("用 evalbook help consolidate 查看用法" + System.lineSeparator());
        assertThat(CliRun.of("consolidate", "--roster", "test-workbooks/roster.xlsx", "--in", "test-workbooks").err())
                .startsWith("缺少 --out（汇总表.xlsx）。");
    }

    @Test
    void aBlankBureauOrAFolderForTheWorkbookIsAUsageErrorNotACrash() throws Exception {
        CliRun blank = CliRun.of("consolidate", "--roster", "test-workbooks/roster.xlsx", "--in", "test-workbooks/returned",
                "--out", temp.resolve("汇总.xlsx").toString(), "--bureau", " ", "--demo-key");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).startsWith("--bureau 不能为空").doesNotContain("Exception");
        CliRun folder = CliRun.of("consolidate", "--roster", "test-workbooks/roster.xlsx", "--in", "test-workbooks/returned",
                "--out", temp.toString(), "--demo-key");
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).startsWith("--out 应是汇总表的文件名，以 .xlsx 结尾：").contains("是一个文件夹");
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

    /**
     * Two rounds: the second has 五华's return with one checklist answer turned to 否 (绩效目标合理性·符合法律法规与发展规划,
     * worth 1 of its 2 points under the default profile), so 五华 falls from 100.00 to 99.00; 珠晖 is unchanged at 21.00
     * (its recomputed total in the demo's golden dump); 昆明 and 石鼓 returned nothing either year, so their 上年得分 and
     * 变动 stay blank.
     */
    @Test
    void aSecondRoundWithLastYearsWorkbookShowsEachUnitsChange() throws Exception {
        Path first = round("第一轮", false, null);
        Path second = round("第二轮", true, first);
        try (InputStream in = Files.newInputStream(second); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet summary = workbook.getSheet("汇总");
            List<String> headers = headers(summary);
            int total = headers.indexOf("核定总分");
            int previous = headers.indexOf("上年得分");
            int change = headers.indexOf("变动（本年−上年）");
            assertThat(previous).isEqualTo(16);
            assertThat(change).isEqualTo(17);
            Row wuhua = unitRow(summary, "0530102");
            assertThat(List.of(wuhua.getCell(total).getNumericCellValue(), wuhua.getCell(previous).getNumericCellValue(),
                    wuhua.getCell(change).getNumericCellValue())).containsExactly(99.0, 100.0, -1.0);
            Row zhuhui = unitRow(summary, "0430405");
            assertThat(List.of(zhuhui.getCell(total).getNumericCellValue(), zhuhui.getCell(previous).getNumericCellValue(),
                    zhuhui.getCell(change).getNumericCellValue())).containsExactly(21.0, 21.0, 0.0);
            Row kunming = unitRow(summary, "0530101");
            assertThat(kunming.getCell(previous).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(kunming.getCell(change).getCellType()).isEqualTo(CellType.BLANK);
            String narrative = text(workbook.getSheet("综述"));
            assertThat(narrative).contains("与上年相比，两年均有复核得分的2家单位中，得分下降的1家、持平的1家；"
                    + "变动最大的是五华区计划生育协会，由上年100.00分降至99.00分，下降1.00分。");
        }
        try (InputStream in = Files.newInputStream(first); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(headers(workbook.getSheet("汇总"))).doesNotContain("上年得分");
            assertThat(text(workbook.getSheet("综述"))).doesNotContain("与上年相比");
        }
    }

    @Test
    void lastYearsWorkbookThatIsNotOursIsAUsageErrorNamingIt() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        Path roster = Path.of("test-workbooks/roster.xlsx");
        CliRun run = CliRun.of("consolidate", "--demo-key", "--roster", roster.toString(), "--in", in.toString(), "--out",
                temp.resolve("o.xlsx").toString(), "--previous", roster.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("上年汇总表 " + roster + "：没有“汇总”工作表，不是 evalbook 生成的汇总表。")
                .doesNotContain("Exception", "\tat ");
        assertThat(temp.resolve("o.xlsx")).doesNotExist();
    }

    private Path round(String name, boolean failOneItem, Path previous) throws Exception {
        Path in = Files.createDirectories(temp.resolve(name));
        Files.copy(Path.of("test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx"), in.resolve("珠晖.xlsx"));
        Path wuhua = in.resolve("五华.xlsx");
        Files.copy(Path.of("test-workbooks/clean/0530102_五华区计划生育协会_2023.xlsx"), wuhua);
        if (failOneItem) {
            XSSFWorkbook workbook;
            try (InputStream stream = Files.newInputStream(wuhua)) {
                workbook = new XSSFWorkbook(stream);
            }
            try (workbook; OutputStream stream = Files.newOutputStream(wuhua)) {
                WorkbookFiller filler = new WorkbookFiller(workbook);
                assertThat(filler.cell("check_input_goal_reasonable_1", 0).getStringCellValue()).isEqualTo("是");
                filler.cell("check_input_goal_reasonable_1", 0).setCellValue("否");
                workbook.write(stream);
            }
        }
        Path out = temp.resolve(name + ".xlsx");
        List<String> args = new ArrayList<>(List.of("consolidate", "--demo-key", "--roster", "test-workbooks/roster.xlsx", "--in",
                in.toString(), "--out", out.toString()));
        if (previous != null) {
            args.addAll(List.of("--previous", previous.toString()));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    /** 汇总's headers without the line breaks that narrow their printed columns. */
    private static List<String> headers(Sheet summary) {
        List<String> headers = new ArrayList<>();
        summary.getRow(1).forEach(cell -> headers.add(cell.getStringCellValue().replaceAll("\\s", "")));
        return headers;
    }

    private static Row unitRow(Sheet sheet, String code) {
        for (Row row : sheet) {
            Cell cell = row.getCell(1);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code);
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> text.append(row.getCell(0).getStringCellValue()).append('\n'));
        return text.toString();
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
            var review = workbook.getSheet("审核意见");
            int header = review.getRepeatingRows().getFirstRow();
            int problems = accepted.get("findings").size();
            assertThat(problems).isPositive();
            assertThat(review.getRow(header + problems).getCell(0).getStringCellValue()).as("the last numbered problem")
                    .isEqualTo(String.valueOf(problems));
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
