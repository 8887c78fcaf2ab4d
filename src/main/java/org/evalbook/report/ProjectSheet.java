package org.evalbook.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.ReportStyles.NumberFormat;
import org.evalbook.report.ReportStyles.NumberStyles;

/**
 * 项目自评: one row per project of every adopted project return (项目支出绩效自评表), units in roster order and each
 * unit's projects in its workbook's order; the funds in 万元, the execution rate and the recomputed scores beside the
 * unit's own. The 合计 sums each amount over the projects that gave it, and the row under it says how many did, so a
 * sum over some projects is never taken for a sum over all. Written only when some project return was adopted.
 */
final class ProjectSheet {
    static final String NAME = "项目自评";
    /** 年初预算数, 全年预算数 and 全年执行数 of 年度资金总额, in that order. */
    static final List<String> FUNDS = List.of("pj_funds_total_initial", "pj_funds_total_full", "pj_funds_total_exec");
    private static final List<String> HEADERS = List.of("单位代码", "单位名称", "项目名称", "工作表", "年初\n预算数", "全年\n预算数",
            "全年\n执行数", "执行率", "执行率\n得分", "复核\n总分", "自评\n总分", "差额\n（自评−复核）", "复核\n等级", "自评\n等级",
            "错误\n（条）", "警告\n（条）", "问题清单");
    private static final int FIRST_FUNDS = 4;
    private static final int RATE = FIRST_FUNDS + FUNDS.size();
    private static final int NAME_WIDTH = 22;
    private static final int FROZEN_COLUMNS = 3;

    private final SheetWriter out;
    private final SXSSFWorkbook workbook;
    private final ReturnDetails details;
    private final Map<FindingsSheet.At, Integer> findingRows;
    private final ProjectFunds funds = new ProjectFunds();
    private int units;
    private int projects;
    private long errors;
    private long warnings;

    private ProjectSheet(SheetWriter out, SXSSFWorkbook workbook, ReturnDetails details, Map<FindingsSheet.At, Integer> findingRows) {
        this.out = out;
        this.workbook = workbook;
        this.details = details;
        this.findingRows = findingRows;
    }

    /** @param findingRows where each project sheet's first finding is in 问题清单 (1-based rows), for the links */
    static void write(SheetWriter out, SXSSFWorkbook workbook, Consolidation consolidation, String year, ReturnDetails details,
                      Map<FindingsSheet.At, Integer> findingRows) {
        new ProjectSheet(out, workbook, details, findingRows).write(consolidation, year);
    }

    private void write(Consolidation consolidation, String year) {
        out.fixWidth(1, NAME_WIDTH);
        out.fixWidth(2, NAME_WIDTH);
        out.title(year + "项目支出绩效自评汇总表（金额单位：万元）", HEADERS.size());
        out.header(HEADERS);
        for (UnitResult unit : consolidation.units()) {
            if (unit.project().isPresent()) {
                units++;
                CheckedReturn project = details.full(unit.project().get());
                project.projects().forEach(p -> row(unit, project, p));
            }
        }
        totals();
        out.finish(FROZEN_COLUMNS);
    }

    private void row(UnitResult unit, CheckedReturn project, ProjectOutcome outcome) {
        projects++;
        out.newRow();
        out.text(0, unit.roster().unitCode());
        out.text(1, unit.roster().unitName(), out.styles().wrapped());
        out.text(2, outcome.name(), out.styles().wrapped());
        out.text(3, outcome.sheet());
        for (int i = 0; i < FUNDS.size(); i++) {
            out.number(FIRST_FUNDS + i, outcome.values().number(FUNDS.get(i)), NumberFormat.DECIMAL);
        }
        funds.add(outcome);
        out.number(RATE, outcome.score().executionRate(), NumberFormat.PERCENT);
        out.number(RATE + 1, Optional.of(outcome.score().executionScore()), NumberFormat.DECIMAL);
        BigDecimal recomputed = outcome.score().total();
        out.number(RATE + 2, Optional.of(recomputed), NumberFormat.DECIMAL);
        out.number(RATE + 3, outcome.selfTotal(), NumberFormat.DECIMAL);
        out.number(RATE + 4, outcome.selfTotal().map(s -> s.subtract(recomputed)), NumberFormat.DECIMAL);
        out.text(RATE + 5, outcome.score().grade(), out.styles().grade(outcome.score().grade()));
        String selfGrade = outcome.selfGrade().orElse("");
        out.text(RATE + 6, selfGrade, out.styles().grade(selfGrade));
        List<Finding> own = project.findings().stream().filter(f -> f.sheet().equals(outcome.sheet())).toList();
        long sheetErrors = own.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long sheetWarnings = own.stream().filter(f -> f.severity() == Severity.WARNING).count();
        errors += sheetErrors;
        warnings += sheetWarnings;
        out.number(RATE + 7, sheetErrors, out.styles().body().whole());
        out.number(RATE + 8, sheetWarnings, out.styles().body().whole());
        Integer first = findingRows.get(new FindingsSheet.At(project.order(), outcome.sheet()));
        if (first == null) {
            out.text(RATE + 9, own.isEmpty() ? "无" : "");
        } else {
            out.link(RATE + 9, "查看（" + own.size() + "条）", link(first));
        }
    }

    /** 合计 (the sums and the overall rate), then how many projects gave each amount. */
    private void totals() {
        NumberStyles bold = out.styles().total();
        out.newRow();
        out.text(0, "合计", out.styles().totalText());
        out.text(1, "共" + units + "个单位" + projects + "个项目", out.styles().totalWrapped());
        out.text(2, "", out.styles().totalText());
        out.text(3, "", out.styles().totalText());
        for (int i = 0; i < FUNDS.size(); i++) {
            out.number(FIRST_FUNDS + i, funds.sum(i), bold.decimal());
        }
        out.number(RATE, funds.rate(), bold.of(NumberFormat.PERCENT));
        for (int c = RATE + 1; c < RATE + 7; c++) {
            out.empty(c, out.styles().totalText());
        }
        out.number(RATE + 7, errors, bold.whole());
        out.number(RATE + 8, warnings, bold.whole());
        out.empty(RATE + 9, out.styles().totalText());
        out.newRow();
        out.text(0, "填报项目数", out.styles().totalText());
        out.text(1, "合计只含填报了该项的项目", out.styles().totalWrapped());
        out.text(2, "", out.styles().totalText());
        out.text(3, "", out.styles().totalText());
        for (int i = 0; i < FUNDS.size(); i++) {
            out.number(FIRST_FUNDS + i, funds.given(i), bold.whole());
        }
        for (int c = RATE; c < HEADERS.size(); c++) {
            out.empty(c, out.styles().totalText());
        }
    }

    /** A link object to the row in 问题清单 (a location in this workbook, never a HYPERLINK formula). */
    private Hyperlink link(int row) {
        Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress("'" + FindingsSheet.NAME + "'!A" + row);
        return link;
    }

    /** The projects of every adopted project return, in the order this sheet lists them (for the 综述 and tests). */
    static List<ProjectOutcome> all(Consolidation consolidation) {
        List<ProjectOutcome> all = new ArrayList<>();
        consolidation.units().forEach(u -> u.project().ifPresent(p -> all.addAll(p.projects())));
        return all;
    }
}
