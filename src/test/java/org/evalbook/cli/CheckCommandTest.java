package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evalbook.finding.FindingCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evalbook check} as the README describes it: terminal report, exit codes, JSON, annotated copies. */
class CheckCommandTest {
    @TempDir
    Path temp;

    @Test
    void checkingTheSeedReturnsReportsErrorsAndExitsOne() throws Exception {
        Path json = temp.resolve("out.json");
        CliRun run = CliRun.of("check", "--demo-key", "--json", json.toString(), "test-workbooks/returned");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("━━ 0430405_珠晖区计划生育协会_2022.xlsx ━━", "单位：珠晖区计划生育协会（0430405），2022 年度，评价方案 湖南2022方案",
                "复核：总分 21.00，等级 差；自评：总分 未填，等级 未填", "[C17 报告文字与表格数据不符] 自评报告!A",
                // A code raised per item: one headline, then one indented line per blank field or indicator.
                "  [C11 必填项为空] 共 52 项：\n      基础数据表!B10 基础数据必填项为空：联系电话。请补填。\n",
                "  [C23 指标无法计算] 共 20 项：\n      基础数据表!C43 “三公经费”变动率 无法按公式计算",
                "共检查 2 个文件：有错误 2 个（需退回修改），仅有警告 0 个，无问题 0 个。");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("files")).hasSize(2);
        for (JsonNode finding : root.get("findings")) {
            for (String key : new String[] {"code", "severity", "file", "sheet", "cells", "field", "expected", "actual", "message"}) {
                assertThat(finding.has(key)).as(key).isTrue();
            }
            assertThat(finding.get("file").asText()).endsWith(".xlsx");
        }
        // Amounts as people write them, and the exact figure beside the text.
        JsonNode c17 = root.get("findings").findParents("code").stream().filter(f -> f.get("code").asText().equals("C17")).findFirst().orElseThrow();
        assertThat(c17.get("actual").asText()).isEqualTo("132.01");
        assertThat(c17.get("actual_value").isNumber()).isTrue();
        assertThat(c17.get("actual_value").decimalValue()).isEqualByComparingTo("132.01");
        assertThat(c17.get("expected").asText()).isEqualTo("78.63");
        assertThat(c17.get("message").asText()).contains("≠ 表中 78.63", "差 53.38");
        JsonNode file = root.get("files").get(0);
        assertThat(file.get("recomputed_total").asText()).isEqualTo("21.00");
        assertThat(file.get("recomputed_total_value").decimalValue()).isEqualByComparingTo("21");
        JsonNode indicator = file.get("indicators").get(0);
        assertThat(indicator.get("weight").asText()).matches("\\d+\\.\\d\\d");
        assertThat(file.get("findings").findValuesAsText("code").stream().filter("C23"::equals)).as("one C23 per indicator").hasSize(20);
    }

    @Test
    void twoRunsListTheSameCellsInTheSameOrder() throws Exception {
        String file = "test-workbooks/returned/0530101_昆明市计划生育协会_2017.xlsx";
        CliRun first = CliRun.of("check", "--demo-key", file);
        CliRun second = CliRun.of("check", "--demo-key", file);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void anAnnotatedCopyReadsBackAsTheSameReturnWithTheSameFindings() throws Exception {
        Path annotated = temp.resolve("annotated");
        Path json = temp.resolve("before.json");
        CliRun first = CliRun.of("check", "--demo-key", "--json", json.toString(), "--annotate", annotated.toString(),
                "test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx");
        assertThat(first.out()).contains("审核意见副本：");
        Path copy = annotated.resolve("0430405_珠晖区计划生育协会_2022_审核意见.xlsx");
        assertThat(copy).exists();
        Path again = temp.resolve("after.json");
        CliRun second = CliRun.of("check", "--demo-key", "--json", again.toString(), copy.toString());
        assertThat(second.exitCode()).isEqualTo(first.exitCode());
        JsonNode before = new ObjectMapper().readTree(json.toFile()).get("findings");
        JsonNode after = new ObjectMapper().readTree(again.toFile()).get("findings");
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).get("code")).isEqualTo(before.get(i).get("code"));
            assertThat(after.get(i).get("cells")).isEqualTo(before.get(i).get("cells"));
            assertThat(after.get(i).get("message")).isEqualTo(before.get(i).get("message"));
        }
        try (var in = Files.newInputStream(copy); var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = workbook.getSheet("审核意见");
            int header = sheet.getRepeatingRows().getFirstRow();
            assertThat(sheet.getRow(header).getCell(5).getStringCellValue()).isEqualTo("说明及修改要求");
            assertThat(sheet.getRow(header + before.size()).getCell(0).getStringCellValue()).isEqualTo(String.valueOf(before.size()));
            var basic = workbook.getSheet("自评报告");
            assertThat(basic).isNotNull();
        }
    }

    @Test
    void aFolderOfStrangeFilesIsCheckedWithoutStopping() throws Exception {
        Files.writeString(temp.resolve("notes.xlsx"), "not a workbook", StandardCharsets.UTF_8);
        Files.write(temp.resolve("empty.xls"), new byte[0]);
        Files.copy(Path.of("test-workbooks/returned/0530101_昆明市计划生育协会_2017.xlsx"), temp.resolve("kunming.xlsx"));
        CliRun run = CliRun.of("check", "--demo-key", temp.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[F01 不是 Excel 工作簿] ", "文件是空的（0 字节）", "共检查 3 个文件");
    }

    @Test
    void sameNamedReturnsInTwoFoldersGetTwoJsonEntriesAndTwoCopies() throws Exception {
        Path a = Files.createDirectories(temp.resolve("区县A"));
        Path b = Files.createDirectories(temp.resolve("区县B"));
        Files.copy(Path.of("test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx"), a.resolve("return.xlsx"));
        Files.copy(Path.of("test-workbooks/returned/0530101_昆明市计划生育协会_2017.xlsx"), b.resolve("return.xlsx"));
        Path json = temp.resolve("out.json");
        Path copies = temp.resolve("copies");
        CliRun run = CliRun.of("check", "--demo-key", "--json", json.toString(), "--annotate", copies.toString(), a.toString(), b.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode files = new ObjectMapper().readTree(json.toFile()).get("files");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).get("file").asText()).isEqualTo(a + "/return.xlsx");
        assertThat(files.get(0).get("unit_code").asText()).isEqualTo("0430405");
        assertThat(files.get(1).get("file").asText()).isEqualTo(b + "/return.xlsx");
        assertThat(files.get(1).get("unit_code").asText()).isEqualTo("0530101");
        try (var listing = Files.list(copies)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(2)
                    .allSatisfy(name -> assertThat(name).endsWith("_return_审核意见.xlsx"));
        }
    }

    @Test
    void aFolderHoldingThePreviousRunsOutputsChecksAsBefore() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        Files.copy(Path.of("test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx"), in.resolve("0430405.xlsx"));
        Files.copy(Path.of("test-workbooks/returned/0530101_昆明市计划生育协会_2017.xlsx"), in.resolve("0530101.xlsx"));
        CliRun first = CliRun.of("check", "--demo-key", "--json", in.resolve("结果.json").toString(), "--annotate", in.toString(), in.toString());
        assertThat(first.out()).contains("审核意见副本：", "共检查 2 个文件");
        CliRun second = CliRun.of("check", "--demo-key", in.toString());
        assertThat(second.exitCode()).isEqualTo(first.exitCode());
        assertThat(second.out()).isEqualTo(first.out().substring(0, first.out().indexOf("审核意见副本：")));
        assertThat(second.err()).contains("跳过 0430405_审核意见.xlsx（evalbook 自己生成的文件", "跳过 结果.json（evalbook 自己生成的文件");
    }

    @Test
    void aMissingFileIsAFindingForThatFileAndTheRunGoesOn() {
        CliRun run = CliRun.of("check", "--demo-key", temp.resolve("nope.xlsx").toString(),
                "test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[F18 文件无法打开] 找不到文件", "单位：珠晖区计划生育协会", "共检查 2 个文件");
    }

    @Test
    void theFindingCodesDocumentationIsGeneratedFromTheCode() throws Exception {
        CliRun run = CliRun.of("findings");
        assertThat(run.out()).isEqualTo(FindingCodes.markdown());
        assertThat(Files.readString(Path.of("docs", "findings.md"), StandardCharsets.UTF_8))
                .as("docs/findings.md is stale: run ./evalbook findings > docs/findings.md").isEqualTo(run.out());
    }
}
