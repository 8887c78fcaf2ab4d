package org.evalbook.template;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** 填报说明: who the workbook is for, the deadline, what to fill, how to return it, and what the colours mean. */
final class InstructionsSheet {
    static final String NAME = org.evalbook.framework.SheetKind.INSTRUCTIONS.fixedName().orElseThrow();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Context context;

    InstructionsSheet(Context context) {
        this.context = context;
    }

    Grid write() {
        Grid grid = titled(context.workbook.createSheet(NAME), context.styles, context.issue, context.framework.name());
        int row = labelled(grid, 2, facts()) + 1;
        row = steps(grid, row, List.of(
                "1. 在“基础数据表”填写单位联系人、人员、收入、支出（按性质、按功能科目）、“三公”经费、预算调整、政府采购和资产等数据。金额单位为万元，保留两位小数；不要填“元”。",
                "2. 合计数按本单位决算报表填写，右侧或下方的“校验”会即时显示 ✓ 或差额；出现差额请核对，确属尾差或另有原因的，在“情况说明”中写明。",
                "3. 在“项目支出明细”“年度工作任务”逐行填写项目和年度工作任务（行不够时在表格中间插入行）。",
                "4. 在“绩效指标表”逐项填写自评得分；清单类指标逐项选择“是/否”，定性指标选择达成档次；得分低于分值的写明扣分原因。“规则得分”由公式自动计算，可作参考。",
                "5. 在“工作底稿”填写每个指标的数据来源、佐证材料和评价人；“得分”取自绩效指标表。",
                "6. 在“自评报告”按七个部分填写自评报告正文。每部分的文本框约可容纳 " + ReportSheet.BOX_CHARACTERS
                        + " 字，超出部分打印时显示不全；内容较多的，框内填写要点，完整的自评报告另附 Word 文档，与本表一并交回。",
                "7. 填写完毕后保存为 .xlsx 文件（请勿改为其他格式，请勿删除或重命名工作表），按“交回方式”交回。")) + 1;
        row = colours(grid, row);
        grid.text(row, 0, "不适用", Styles.Kind.NOT_APPLICABLE);
        grid.text(row++, 1, "灰色：本评价方案不使用的指标或期间", Styles.Kind.TEXT);
        return grid;
    }

    /** A 填报说明 sheet with its title: the year (when issued to a unit), the form's name. Both forms open so. */
    static Grid titled(org.apache.poi.xssf.usermodel.XSSFSheet sheet, Styles styles, java.util.Optional<UnitIssue> issue, String formName) {
        Grid grid = new Grid(sheet, styles);
        grid.widths(20, 80);
        grid.merged(0, 0, 1, issue.map(i -> i.fiscalYear() + "年度").orElse("") + formName + "填报表", Styles.Kind.TITLE);
        grid.height(0, 30);
        return grid;
    }

    /** Label–text rows from {@code row}; returns the row after them. */
    static int labelled(Grid grid, int row, List<String[]> lines) {
        for (String[] line : lines) {
            grid.text(row, 0, line[0], Styles.Kind.LABEL);
            grid.text(row++, 1, line[1], Styles.Kind.TEXT);
        }
        return row;
    }

    /** 填报步骤 and its numbered steps from {@code row}; returns the row after them. */
    static int steps(Grid grid, int row, List<String> steps) {
        grid.text(row++, 0, "填报步骤", Styles.Kind.HEADER);
        for (String step : steps) {
            grid.text(row, 0, "", Styles.Kind.TEXT);
            grid.text(row++, 1, step, Styles.Kind.TEXT);
        }
        return row;
    }

    /** 颜色说明 with the colours every form uses (input, formula) from {@code row}; returns the row after them. */
    static int colours(Grid grid, int row) {
        grid.text(row++, 0, "颜色说明", Styles.Kind.HEADER);
        grid.text(row, 0, "", Styles.Kind.INPUT_SAMPLE);
        grid.text(row++, 1, "黄色：由单位填写（选中单元格时会提示填写要求）", Styles.Kind.TEXT);
        grid.text(row, 0, "", Styles.Kind.FORMULA_TEXT);
        grid.text(row++, 1, "青色：公式自动计算，不能修改", Styles.Kind.TEXT);
        return row;
    }

    /** The deadline, the issue time, or the blank form's note: the facts a 填报说明 gives after the unit's own. */
    static List<String[]> issueFacts(java.util.Optional<UnitIssue> issue) {
        List<String[]> facts = new ArrayList<>();
        issue.ifPresentOrElse(i -> {
            facts.add(new String[] {"截止日期", i.deadline().map(DATE::format).orElse("以财政局通知为准")});
            facts.add(new String[] {"下发时间", issuedAtShown(i.issuedAt())});
        }, () -> facts.add(new String[] {"说明", "这是空白样表。正式填报请使用财政局下发的、已预填本单位信息的填报表。"}));
        return facts;
    }

    /** 交回方式, the same for every form. */
    static final String[] RETURN_BY = {"交回方式", "请在截止日期前回复下发邮件，将本文件作为附件发回财政局；文件名请保持不变。"};

    /** 下发时间 as the unit reads it: Beijing time, to the minute. */
    static String issuedAtShown(java.time.Instant issuedAt) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai")).format(issuedAt);
    }

    private List<String[]> facts() {
        List<String[]> facts = new ArrayList<>();
        context.issue.ifPresent(issue -> {
            facts.add(new String[] {"填报单位", issue.unitName()});
            facts.add(new String[] {"单位代码", issue.unitCode()});
            facts.add(new String[] {"评价年度", String.valueOf(issue.fiscalYear())});
        });
        facts.addAll(issueFacts(context.issue));
        facts.add(new String[] {"评价方案", context.profile.name()});
        facts.add(new String[] {"评价框架", context.framework.name() + " " + context.framework.version()});
        facts.add(RETURN_BY);
        return facts;
    }
}
