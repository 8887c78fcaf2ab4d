package org.evalbook.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.check.ScoreSheet;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.consolidate.UnitStatus;
import org.evalbook.finding.Severity;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.ReportStyles.NumberFormat;
import org.evalbook.report.ReportStyles.NumberStyles;

/**
 * 汇总: one row per roster unit, grouped by 主管部门 in the order the roster first names each department, a subtotal
 * after each group and a grand total at the end. Units that returned nothing keep their row, blank but for status.
 */
final class SummarySheet {
    static final String NAME = "汇总";
    private static final String NO_DEPARTMENT = "（未填主管部门）";
    private static final int FIRST_FIGURE = 3;
    /** 核定总分 … 差异: per unit only, a sum of scores means nothing. */
    private static final int SCORE_COLUMNS = 5;
    static final String PREVIOUS = "上年\n得分";
    static final String CHANGE = "变动\n（本年−上年）";
    /** 主管部门 and 单位名称 wrap at these widths, so the figures keep most of a printed page. */
    private static final int DEPARTMENT_WIDTH = 16;
    private static final int NAME_WIDTH = 22;

    private final SheetWriter out;
    private final Optional<PreviousScores> previous;

    private SummarySheet(SheetWriter out, Optional<PreviousScores> previous) {
        this.out = out;
        this.previous = previous;
    }

    static void write(SheetWriter out, Consolidation consolidation, Optional<PreviousScores> previous, String year) {
        SummarySheet sheet = new SummarySheet(out, previous);
        sheet.write(consolidation, year);
    }

    private void write(Consolidation consolidation, String year) {
        List<String> headers = new ArrayList<>(List.of("主管部门", "单位代码", "单位名称"));
        for (KeyFigure figure : KeyFigure.values()) {
            headers.add(figure.header());
        }
        headers.addAll(List.of("核定\n总分", "核定\n等级", "自评\n总分", "自评\n等级", "差异\n（自评−核定）"));
        if (previous.isPresent()) {
            headers.addAll(List.of(PREVIOUS, CHANGE));
        }
        headers.addAll(List.of("错误\n（条）", "警告\n（条）", "报送状态"));
        out.fixWidth(0, DEPARTMENT_WIDTH);
        out.fixWidth(2, NAME_WIDTH);
        out.title(year + "部门整体支出绩效自评汇总表（金额单位：万元）", headers.size());
        out.header(headers);
        SummaryTotals grand = new SummaryTotals();
        for (Map.Entry<String, List<UnitResult>> group : byDepartment(consolidation.units()).entrySet()) {
            SummaryTotals subtotal = new SummaryTotals();
            for (UnitResult unit : group.getValue()) {
                unitRow(group.getKey(), unit);
                subtotal.add(unit);
                grand.add(unit);
            }
            totalRow(group.getKey() + " 小计", subtotal);
        }
        totalRow("总计", grand);
        out.finish(FIRST_FIGURE);
    }

    private static Map<String, List<UnitResult>> byDepartment(List<UnitResult> units) {
        Map<String, List<UnitResult>> groups = new LinkedHashMap<>();
        for (UnitResult unit : units) {
            String department = unit.roster().parentDept().isBlank() ? NO_DEPARTMENT : unit.roster().parentDept();
            groups.computeIfAbsent(department, d -> new ArrayList<>()).add(unit);
        }
        return groups;
    }

    private void unitRow(String department, UnitResult unit) {
        out.newRow();
        out.text(0, department, out.styles().wrapped());
        out.text(1, unit.roster().unitCode());
        out.text(2, unit.roster().unitName(), out.styles().wrapped());
        Optional<CheckedReturn> adopted = unit.adopted();
        int column = FIRST_FIGURE;
        for (KeyFigure figure : KeyFigure.values()) {
            out.number(column++, adopted.flatMap(figure::of), figure.format());
        }
        Optional<ScoreSheet> scores = adopted.flatMap(CheckedReturn::scores);
        Optional<BigDecimal> recomputed = scores.map(ScoreSheet::total);
        Optional<BigDecimal> self = adopted.flatMap(r -> r.figure("self_total"));
        out.number(column++, recomputed, NumberFormat.DECIMAL);
        String grade = scores.map(ScoreSheet::grade).orElse("");
        out.text(column++, grade, out.styles().grade(grade));
        out.number(column++, self, NumberFormat.DECIMAL);
        String selfGrade = adopted.flatMap(r -> r.text("self_grade")).orElse("");
        out.text(column++, selfGrade, out.styles().grade(selfGrade));
        out.number(column++, self.flatMap(s -> recomputed.map(s::subtract)), NumberFormat.DECIMAL);
        if (previous.isPresent()) {
            String code = unit.roster().unitCode();
            out.number(column++, previous.get().total(code), NumberFormat.DECIMAL);
            out.number(column++, previous.get().change(code, recomputed), NumberFormat.DECIMAL);
        }
        out.number(column++, adopted.map(r -> BigDecimal.valueOf(r.count(Severity.ERROR))), NumberFormat.WHOLE);
        out.number(column++, adopted.map(r -> BigDecimal.valueOf(r.count(Severity.WARNING))), NumberFormat.WHOLE);
        out.text(column, status(unit), out.styles().status(unit.status()));
    }

    /** The status label, with the days for a late return: 逾期报送（逾期3天）. */
    static String status(UnitResult unit) {
        if (unit.status() == UnitStatus.LATE && unit.lateDays().isPresent()) {
            return unit.status().label() + "（逾期" + unit.lateDays().getAsLong() + "天）";
        }
        return unit.status().label();
    }

    private void totalRow(String label, SummaryTotals totals) {
        NumberStyles bold = out.styles().total();
        out.newRow();
        out.text(0, label, out.styles().totalWrapped());
        out.text(1, "", out.styles().totalText());
        out.text(2, "共" + totals.units() + "个单位，已报送" + totals.returned() + "个", out.styles().totalWrapped());
        int column = FIRST_FIGURE;
        for (KeyFigure figure : KeyFigure.values()) {
            out.number(column++, totals.value(figure), bold.of(figure.format()));
        }
        for (int i = 0; i < SCORE_COLUMNS + (previous.isPresent() ? 2 : 0); i++) {
            out.empty(column++, out.styles().totalText());
        }
        out.number(column++, totals.errors(), bold.whole());
        out.number(column++, totals.warnings(), bold.whole());
        out.empty(column, out.styles().totalText());
    }
}
