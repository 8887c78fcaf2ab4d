package org.evalbook.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the bureau's roster: codes as text, figure columns by id or Chinese label, every problem by row. */
class RosterTest {
    private static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    private static final Path ROSTER = Path.of("test-workbooks", "roster.xlsx");

    private static final String[] HEADER = {"单位代码", "单位名称", "主管部门", "联系人", "邮箱", "年度"};

    @TempDir
    Path temp;

    @Test
    void sampleRosterReadsFourUnitsWithCodesAsText() throws Exception {
        List<RosterRow> units = Roster.read(ROSTER, FRAMEWORK).units();
        assertThat(units).extracting(RosterRow::unitCode).containsExactly("0530101", "0430405", "0430406", "0530102");
        RosterRow shigu = units.get(2);
        assertThat(shigu.profile()).contains("hunan-2022");
        assertThat(shigu.prefill().number("exp_total_budget")).contains(new BigDecimal("120.5"));
        assertThat(shigu.prefill().number("sangong_total_prior_budget")).contains(new BigDecimal("1.2"));
        assertThat(units.get(3).profile()).isEmpty();
        assertThat(units.get(0).row()).isEqualTo(2);
    }

    @Test
    void figureColumnsMatchByIdOrByLabelWithPeriodInEitherOrder() throws Exception {
        List<RosterRow> units = read(new String[] {"exp_basic_budget", "本年支出合计 年初预算数", "上年“三公”经费预算数", "决算数·其中：人员经费"},
                new Object[] {"001", "甲单位", "乙局", "张三", "a@b.cn", 2022, 10, 20.5, 3, 4.25}).units();
        assertThat(units.get(0).prefill().numbers()).containsEntry("exp_basic_budget", new BigDecimal("10"))
                .containsEntry("exp_total_budget", new BigDecimal("20.5")).containsEntry("sangong_total_prior_budget", new BigDecimal("3"))
                .containsEntry("exp_personnel_final", new BigDecimal("4.25"));
    }

    @Test
    void aCodeTypedAsANumberIsRefusedBecauseItsLeadingZerosAreGone() {
        assertThatThrownBy(() -> read(new String[0], new Object[] {530101, "甲单位", "乙局", "张三", "a@b.cn", "2022年"},
                new Object[] {"0530102", "乙单位", "乙局", "张三", "c@d.cn", 2022}))
                .isInstanceOf(RosterException.class)
                .hasMessage("roster.xlsx：名册有 1 处问题，未生成任何填报表：\n"
                        + "第 2 行 A2：单位代码 530101 是以数字形式输入的，开头的 0 已经丢失，无法从文件中恢复。"
                        + "请把“单位代码”整列设置为文本格式，再重新输入各单位代码。");
    }

    @Test
    void aYearWithTheCharacterNianReads() throws Exception {
        assertThat(read(new String[0], new Object[] {"530101", "甲单位", "乙局", "张三", "a@b.cn", "2022年"}).units().get(0).fiscalYear())
                .isEqualTo(2022);
    }

    @Test
    void otherColumnsAreIgnoredWithANoteButAMisspeltFigureColumnIsRefused() throws Exception {
        Roster roster = read(new String[] {"备注", "exp_total_budget"},
                new Object[] {"001", "甲单位", "乙局", "张三", "a@b.cn", 2022, "新成立", 12.5});
        assertThat(roster.notes()).containsExactly("roster.xlsx 第 1 行 G1：“备注”列不是名册的列，也不是预填数，已忽略。");
        assertThat(roster.units().get(0).prefill().numbers()).containsEntry("exp_total_budget", new BigDecimal("12.5"));
        assertThatThrownBy(() -> read(new String[] {"exp_totl_budget"}, new Object[] {"001", "甲单位", "乙局", "张三", "a@b.cn", 2022, 1}))
                .hasMessageContaining("第 1 行 G1：未知的表头“exp_totl_budget”。");
    }

    @Test
    void everyProblemIsListedByRowAndNothingIsAccepted() {
        assertThatThrownBy(() -> read(new String[] {"评价方案", "年初预算数·不存在的支出", "年初预算数·本年支出合计"},
                new Object[] {"001", "甲单位", "乙局", "张三", "a@b.cn", 1999, "default", 1, -5},
                new Object[] {"002", "乙单位", "乙局", "张三", "c@d.cn", 2022, "", 1, 1.234}))
                .isInstanceOf(RosterException.class)
                .hasMessage("roster.xlsx：名册有 4 处问题，未生成任何填报表：\n"
                        + "第 1 行 H1：未知的表头“年初预算数·不存在的支出”。请用字段代码或“期间·项目”形式（如 年初预算数·本年支出合计），字段代码见 evalbook fields。\n"
                        + "第 2 行：年度 1999 不在 2000–2100 之间。请填写四位年份，如 2022。\n"
                        + "第 2 行 I2：年初预算数·本年支出合计 为负数 -5。预填数不能为负，请改正。\n"
                        + "第 3 行 I3：年初预算数·本年支出合计 1.234 超过两位小数。金额以万元为单位，保留两位小数。");
        assertThatThrownBy(() -> read(new String[] {"评价方案"},
                new Object[] {"001", "甲单位", "乙局", "张三", "a@b.cn", 2022, "default"},
                new Object[] {"001", "", "乙局", "张三", "not-an-email", 2022, "beijing"},
                new Object[] {"002", "丙单位", "乙局", "张三", "c@d.cn", "二〇二二", ""},
                new Object[] {"002", "丁单位", "乙局", "张三", "e@f.cn", 2022, ""}))
                .isInstanceOf(RosterException.class)
                .hasMessage("roster.xlsx：名册有 6 处问题，未生成任何填报表：\n"
                        + "第 3 行：单位名称为空。请填写单位名称。\n"
                        + "第 3 行：邮箱“not-an-email”格式不对。请填写如 name@example.cn 的邮箱地址。\n"
                        + "第 3 行：未知的评价方案“beijing”。可选：default、hunan-2022。\n"
                        + "第 3 行：单位代码 001 与第 2 行重复。每个单位只能列一次。\n"
                        + "第 4 行：年度“二〇二二”不是年份。请填写四位年份，如 2022。\n"
                        + "第 5 行：单位代码 002 与第 4 行重复。每个单位只能列一次。");
    }

    @Test
    void missingColumnsAreNamed() {
        assertThatThrownBy(() -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                XSSFSheet sheet = workbook.createSheet();
                Row header = sheet.createRow(0);
                header.createCell(0).setCellValue("单位名称");
                header.createCell(1).setCellValue("邮箱");
                Roster.read("roster.xlsx", sheet, FRAMEWORK);
            }
        }).isInstanceOf(RosterException.class).hasMessage("roster.xlsx：名册有 4 处问题，未生成任何填报表：\n"
                + "表头缺少“单位代码”列。请补上该列。\n表头缺少“主管部门”列。请补上该列。\n"
                + "表头缺少“联系人”列。请补上该列。\n表头缺少“年度”列。请补上该列。");
    }

    @Test
    void aCsvRosterReadsAlikeInUtf8WithOrWithoutBomAndInGb18030() throws Exception {
        String csv = "单位代码,单位名称,主管部门,联系人,邮箱,年度,备注,年初预算数·本年支出合计\r\n"
                + "0530101,昆明市计划生育协会,昆明市卫生健康委员会,\"张三, 李四\",km@example.cn,2017,,\"1,234.50\"\r\n"
                + "\r\n"
                + "0430405,珠晖区计划生育协会,珠晖区卫生健康局,王五,zh@example.cn,2022年,新增,\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (byte[] bytes : List.of(csv.getBytes(StandardCharsets.UTF_8), concat(bom, csv.getBytes(StandardCharsets.UTF_8)),
                csv.getBytes(Charset.forName("GB18030")))) {
            Path file = Files.write(temp.resolve("名册.csv"), bytes);
            Roster roster = Roster.read(file, FRAMEWORK);
            assertThat(roster.units()).extracting(RosterRow::row, RosterRow::unitCode, RosterRow::unitName, RosterRow::contact, RosterRow::fiscalYear)
                    .containsExactly(tuple(2, "0530101", "昆明市计划生育协会", "张三, 李四", 2017), tuple(4, "0430405", "珠晖区计划生育协会", "王五", 2022));
            assertThat(roster.units().get(0).prefill().numbers()).containsEntry("exp_total_budget", new BigDecimal("1234.50"));
            assertThat(roster.notes()).containsExactly("名册.csv 第 1 行 G1：“备注”列不是名册的列，也不是预填数，已忽略。");
        }
    }

    @Test
    void tabSeparatedTextReadsLikeCsv() throws Exception {
        String text = "单位代码\t单位名称\t主管部门\t联系人\t邮箱\t年度\n0530101\t昆明市计划生育协会\t昆明市卫生健康委员会\t张三\tkm@example.cn\t2017\n";
        Roster roster = Roster.read(Files.write(temp.resolve("名册.txt"), text.getBytes(Charset.forName("GB18030"))), FRAMEWORK);
        assertThat(roster.units()).extracting(RosterRow::unitCode, RosterRow::unitName).containsExactly(tuple("0530101", "昆明市计划生育协会"));
    }

    @Test
    void aColumnGivenTwiceIsRefused() {
        assertThatThrownBy(() -> read(new String[] {"单位名称", "exp_total_budget", "年初预算数·本年支出合计"},
                new Object[] {"001", "甲单位", "乙局", "张三", "a@b.cn", 2022, "甲单位", 1, 1}))
                .hasMessage("roster.xlsx：名册有 2 处问题，未生成任何填报表：\n"
                        + "第 1 行 G1：“单位名称”列与 B1 重复。请删去其中一列。\n"
                        + "第 1 行 I1：“年初预算数·本年支出合计”与 H1 是同一个预填数（exp_total_budget）。请删去其中一列。");
    }

    @Test
    void aFileThatIsNoRosterIsRefusedSayingWhatToDo() throws Exception {
        byte[] binary = new byte[512];
        new Random(7).nextBytes(binary);
        assertThatThrownBy(() -> Roster.read(Files.write(temp.resolve("乱码.csv"), binary), FRAMEWORK))
                .isInstanceOf(RosterException.class).hasMessage("乱码.csv：无法作为名册读取，未生成任何填报表。"
                        + "内容不是文本（可能是其他格式的文件改了扩展名），无法作为 CSV 读取。"
                        + "请用 Excel 或 WPS 打开名册，另存为“CSV UTF-8（逗号分隔）（*.csv）”或“Excel 工作簿（*.xlsx）”后再试。");
        assertThatThrownBy(() -> Roster.read(Files.write(temp.resolve("控制.csv"), new byte[] {'a', 0, 'b', 1}), FRAMEWORK))
                .hasMessageContaining("内容含有控制字符，不是 CSV 文本");
        assertThatThrownBy(() -> Roster.read(Files.write(temp.resolve("unicode.csv"),
                "单位代码\t单位名称".getBytes(StandardCharsets.UTF_16)), FRAMEWORK))
                .hasMessageContaining("这是 UTF-16 编码的文本（Excel 的“Unicode 文本”），不是 CSV。");
        assertThatThrownBy(() -> Roster.read(Files.write(temp.resolve("引号.csv"),
                "单位代码,单位名称\n\"001,甲单位\n".getBytes(StandardCharsets.UTF_8)), FRAMEWORK))
                .hasMessage("引号.csv：无法作为名册读取，未生成任何填报表。引号不成对（某个以英文双引号 \" 开头的单元格没有结束的引号），"
                        + "无法分出各列。请检查名册中的英文双引号。");
        assertThatThrownBy(() -> Roster.read(Files.write(temp.resolve("坏.xlsx"), new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}), FRAMEWORK))
                .hasMessage("坏.xlsx：无法作为名册读取，未生成任何填报表。文件已损坏或不是可读取的 Excel 工作簿。"
                        + "请用 Excel 或 WPS 打开名册，另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）（*.csv）”后再试。");
        assertThatThrownBy(() -> Roster.read(Files.write(temp.resolve("名册.pdf"), "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)), FRAMEWORK))
                .hasMessage("名册.pdf：无法作为名册读取，未生成任何填报表。既不是 Excel 工作簿（xlsx、xls），也不是 CSV 文件。"
                        + "请用 Excel 或 WPS 打开名册，另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）（*.csv）”后再试。");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Roster read(String[] extraHeaders, Object[]... rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            Row header = sheet.createRow(0);
            int c = 0;
            for (String h : HEADER) {
                header.createCell(c++).setCellValue(h);
            }
            for (String h : extraHeaders) {
                header.createCell(c++).setCellValue(h);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    Object v = rows[r][i];
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            return Roster.read("roster.xlsx", sheet, FRAMEWORK);
        }
    }
}
