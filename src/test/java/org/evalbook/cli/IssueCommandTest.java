package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code evalbook issue} and {@code evalbook template} as the README describes them. */
class IssueCommandTest {
    @TempDir
    Path temp;

    @Test
    void issuesOneSignedWorkbookPerRosterRowAndNeverOverwritesSilently() throws Exception {
        Path out = temp.resolve("issued");
        Instant before = Instant.now().minusSeconds(1);
        CliRun run = CliRun.of("issue", "--roster", "test-workbooks/roster.xlsx", "--out", out.toString(), "--demo-key",
                "--deadline", "2026-03-31");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("共 4 个单位。");
        assertThat(run.err()).contains("使用公开的演示密钥签名");
        assertThat(files(out)).containsExactly("0430405_珠晖区计划生育协会_2022.xlsx", "0430406_石鼓区计划生育协会_2022.xlsx",
                "0530101_昆明市计划生育协会_2017.xlsx", "0530102_五华区计划生育协会_2017.xlsx");
        try (InputStream in = Files.newInputStream(out.resolve("0530102_五华区计划生育协会_2017.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var identity = org.evalbook.signing.IssueIdentity.of(workbook, org.evalbook.signing.SigningKey.PUBLIC_DEMO);
            assertThat(identity.signatureValid()).isTrue();
            assertThat(identity.meta()).containsEntry("profile", "default").containsEntry("unit_code", "0530102");
            assertThat(Instant.parse(identity.meta().get("issued_at"))).isBetween(before, Instant.now());
            XSSFSheet instructions = workbook.getSheet("填报说明");
            assertThat(text(instructions)).contains("2026年3月31日", "五华区计划生育协会");
        }
        byte[] first = Files.readAllBytes(out.resolve("0430405_珠晖区计划生育协会_2022.xlsx"));

        CliRun again = CliRun.of("issue", "--roster", "test-workbooks/roster.xlsx", "--out", out.toString(), "--demo-key");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("以下填报表已存在，未覆盖任何文件（确需重新下发请加 --force）");
        assertThat(Files.readAllBytes(out.resolve("0430405_珠晖区计划生育协会_2022.xlsx"))).isEqualTo(first);

        CliRun forced = CliRun.of("issue", "--roster", "test-workbooks/roster.xlsx", "--out", out.toString(), "--demo-key", "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(files(out)).hasSize(4);
    }

    @Test
    void aBadRosterWritesNothing() throws Exception {
        Path roster = temp.resolve("bad.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row header = workbook.createSheet().createRow(0);
            String[] titles = {"单位代码", "单位名称", "主管部门", "联系人", "邮箱", "年度"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            Row row = workbook.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue("001");
            row.createCell(4).setCellValue("bad");
            row.createCell(5).setCellValue(2022);
            try (var stream = Files.newOutputStream(roster)) {
                workbook.write(stream);
            }
        }
        Path out = temp.resolve("none");
        CliRun run = CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad.xlsx：名册有 2 处问题，未生成任何填报表：", "第 2 行：单位名称为空。");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-8 BOM", "GB18030"})
    void aCsvRosterIssuesWorkbooksWhateverItsEncoding(String encoding) throws Exception {
        String csv = "单位代码,单位名称,主管部门,联系人,邮箱,年度,备注\r\n"
                + "0530101,昆明市计划生育协会,昆明市卫生健康委员会,张三,km@example.cn,2017,已核实\r\n";
        byte[] bytes = encoding.equals("GB18030") ? csv.getBytes(Charset.forName("GB18030"))
                : (encoding.equals("UTF-8 BOM") ? "\uFEFF" + csv : csv).getBytes(StandardCharsets.UTF_8);
        Path roster = Files.write(temp.resolve("名册.csv"), bytes);
        Path out = temp.resolve("issued");
        CliRun run = CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("注意：名册.csv 第 1 行 G1：“备注”列不是名册的列，也不是预填数，已忽略。");
        assertThat(files(out)).containsExactly("0530101_昆明市计划生育协会_2017.xlsx");
        try (InputStream in = Files.newInputStream(out.resolve("0530101_昆明市计划生育协会_2017.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(namedText(workbook, "unit_code")).isEqualTo("0530101");
            assertThat(namedText(workbook, "unit_name")).isEqualTo("昆明市计划生育协会");
            assertThat(org.evalbook.signing.IssueIdentity.of(workbook, org.evalbook.signing.SigningKey.PUBLIC_DEMO).meta())
                    .containsEntry("unit_code", "0530101").containsEntry("unit_name", "昆明市计划生育协会");
        }
    }

    @Test
    void aRosterWithCodesTypedAsNumbersIsRefusedSayingHowToFixIt() throws Exception {
        Path roster = temp.resolve("名册.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row header = workbook.createSheet().createRow(0);
            String[] titles = {"单位代码", "单位名称", "主管部门", "联系人", "邮箱", "年度"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            Row row = workbook.getSheetAt(0).createRow(1);
            row.createCell(0).setCellValue(530101);
            row.createCell(1).setCellValue("昆明市计划生育协会");
            row.createCell(2).setCellValue("昆明市卫生健康委员会");
            row.createCell(3).setCellValue("张三");
            row.createCell(4).setCellValue("km@example.cn");
            row.createCell(5).setCellValue(2017);
            try (var stream = Files.newOutputStream(roster)) {
                workbook.write(stream);
            }
        }
        Path out = temp.resolve("none");
        CliRun run = CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("名册.xlsx：名册有 1 处问题，未生成任何填报表：\n"
                + "第 2 行 A2：单位代码 530101 是以数字形式输入的，开头的 0 已经丢失，无法从文件中恢复。"
                + "请把“单位代码”整列设置为文本格式，再重新输入各单位代码。\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void garbageOrABinaryFileNamedCsvIsRefusedNotACrash() throws Exception {
        byte[] binary = new byte[4096];
        new java.util.Random(11).nextBytes(binary);
        Path garbage = Files.write(temp.resolve("名册.csv"), binary);
        Path text = Files.write(temp.resolve("说明.csv"), "这不是名册，只是一段说明文字。\n".getBytes(StandardCharsets.UTF_8));
        for (Path roster : List.of(garbage, text, Path.of("test-workbooks"))) {
            for (String command : List.of("issue", "check")) {
                CliRun run = command.equals("issue")
                        ? CliRun.of("issue", "--roster", roster.toString(), "--out", temp.resolve("none").toString(), "--demo-key")
                        : CliRun.of("check", "test-workbooks/returned", "--roster", roster.toString(), "--demo-key");
                assertThat(run.exitCode()).as(command + " " + roster + ": " + run.err()).isEqualTo(2);
                assertThat(run.err()).doesNotContain("Exception", "internal error").containsPattern("[\\u4e00-\\u9fff]");
            }
        }
        assertThat(temp.resolve("none")).doesNotExist();
    }

    @Test
    void aRealKeyIsGeneratedOnFirstUseAndNamed() throws Exception {
        Path key = temp.resolve("keys").resolve("bureau.key");
        CliRun run = CliRun.of("issue", "--roster", "test-workbooks/roster.xlsx", "--out", temp.resolve("o").toString(),
                "--key-file", key.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("已生成本局的签名密钥：" + key.toAbsolutePath());
        assertThat(key).exists();
    }

    @Test
    void templateWritesOneBlankPerProfile() throws Exception {
        CliRun run = CliRun.of("template", "--out", temp.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(files(temp)).containsExactly("dept-overall_default_空白样表.xlsx", "dept-overall_hunan-2022_空白样表.xlsx");
        assertThat(CliRun.of("template", "--out", temp.toString(), "--profile", "nope").exitCode()).isEqualTo(2);
    }

    @Test
    void templateThatCannotFinishWritingLeavesNoPartialFile() throws Exception {
        Path blocked = Files.createDirectories(temp.resolve("dept-overall_default_空白样表.xlsx"));
        Files.writeString(blocked.resolve("占位.txt"), "a folder where the blank should go");
        CliRun run = CliRun.of("template", "--out", temp.toString(), "--profile", "default");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("无法读写 ");
        assertThat(files(temp)).containsExactly("dept-overall_default_空白样表.xlsx");
        assertThat(files(blocked)).containsExactly("占位.txt");
    }

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String namedText(XSSFWorkbook workbook, String name) {
        var ref = new org.apache.poi.ss.util.AreaReference(workbook.getName(name).getRefersToFormula(),
                org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
        return workbook.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue();
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
        return text.toString();
    }
}
