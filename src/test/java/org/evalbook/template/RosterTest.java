package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading the bureau's roster: codes as text, figure columns by id or Chinese label, every problem by row. */
class RosterTest {
    private static final String[] HEADER = {"单位代码", "单位名称", "主管部门", "联系人", "邮箱", "年度"};

    @Test
    void sampleRosterReadsFourUnitsWithCodesAsText() throws Exception {
        List<RosterRow> units = Issued.roster();
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
                new Object[] {"001", "甲单位", "乙局", "张三", "a@b.cn", 2022, 10, 20.5, 3, 4.25});
        assertThat(units.get(0).prefill().numbers()).containsEntry("exp_basic_budget", new BigDecimal("10"))
                .containsEntry("exp_total_budget", new BigDecimal("20.5")).containsEntry("sangong_total_prior_budget", new BigDecimal("3"))
                .containsEntry("exp_personnel_final", new BigDecimal("4.25"));
    }

    @Test
    void aNumericCodeCellKeepsWhatItShows() throws Exception {
        List<RosterRow> units = read(new String[0], new Object[] {530101, "甲单位", "乙局", "张三", "a@b.cn", "2022年"});
        assertThat(units.get(0).unitCode()).isEqualTo("530101");
        assertThat(units.get(0).fiscalYear()).isEqualTo(2022);
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
                Roster.read("roster.xlsx", sheet, Issued.FRAMEWORK);
            }
        }).isInstanceOf(RosterException.class).hasMessage("roster.xlsx：名册有 4 处问题，未生成任何填报表：\n"
                + "表头缺少“单位代码”列。请补上该列。\n表头缺少“主管部门”列。请补上该列。\n"
                + "表头缺少“联系人”列。请补上该列。\n表头缺少“年度”列。请补上该列。");
    }

    private static List<RosterRow> read(String[] extraHeaders, Object[]... rows) throws Exception {
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
            return Roster.read("roster.xlsx", sheet, Issued.FRAMEWORK);
        }
    }
}
