package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
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
            var identity = org.evalbook.template.IssueIdentity.of(workbook, org.evalbook.template.SigningKey.PUBLIC_DEMO);
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

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
        return text.toString();
    }
}
