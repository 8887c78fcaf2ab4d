package org.evalbook.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.FileState;
import org.evalbook.consolidate.ReceivedFile;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.consolidate.UnitStatus;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.ReportStyles.NumberFormat;

/**
 * 报送情况: first the roster against what arrived (who returned, when, how late, whom to call), then every file
 * received with what became of it — so the count of files received is accounted for in full on one sheet.
 */
final class SubmissionSheet {
    static final String NAME = "报送情况";
    private static final List<String> ROSTER_HEADERS = List.of("主管部门", "单位代码", "单位名称", "联系人", "邮箱", "报送状态",
            "接收时间", "逾期天数", "采用文件", "匹配方式");
    private static final List<String> FILE_HEADERS = List.of("文件", "处理结果", "单位代码", "接收时间", "原因");
    private static final int REASON = 4;
    private static final int ADOPTED = 8;
    /**
     * The two blocks share columns, so the long texts of one (file paths in A, reasons in E, the adopted file in I)
     * wrap at these widths rather than widen the other's columns off a printed page.
     */
    private static final Map<Integer, Integer> WIDTHS = Map.of(0, 30, REASON, 36, ADOPTED, 26);
    /** 主管部门, 单位代码 and 单位名称 stay in view while scrolling right. */
    private static final int FROZEN_COLUMNS = 3;

    /** The column saying whether the unit's project return came, after 匹配方式. */
    private static final String PROJECT_HEADER = "项目自评";
    private static final int PROJECT = ROSTER_HEADERS.size();

    private final SheetWriter out;
    private final boolean projects;

    private SubmissionSheet(SheetWriter out, boolean projects) {
        this.out = out;
        this.projects = projects;
    }

    static void write(SheetWriter out, Consolidation consolidation, String year) {
        new SubmissionSheet(out, consolidation.projectFormReceived()).write(consolidation, year);
    }

    private void write(Consolidation consolidation, String year) {
        WIDTHS.forEach(out::fixWidth);
        List<String> headers = new java.util.ArrayList<>(ROSTER_HEADERS);
        if (projects) {
            headers.add(PROJECT_HEADER);
        }
        out.title(year + "报送情况（名册单位" + consolidation.units().size() + "个）", headers.size());
        out.header(headers);
        consolidation.units().forEach(this::unitRow);
        out.skipRow();
        out.newRow();
        out.text(0, filesEquation(consolidation), out.styles().totalText());
        out.header(FILE_HEADERS);
        consolidation.files().forEach(this::fileRow);
        out.finish(FROZEN_COLUMNS);
    }

    private void unitRow(UnitResult unit) {
        out.newRow();
        out.text(0, unit.roster().parentDept(), out.styles().wrapped());
        out.text(1, unit.roster().unitCode());
        out.text(2, unit.roster().unitName());
        out.text(3, unit.roster().contact());
        out.text(4, unit.roster().email());
        out.text(5, SummarySheet.status(unit), out.styles().status(unit.status()));
        out.dateTime(6, unit.received());
        Optional<BigDecimal> late = unit.lateDays().isPresent() ? Optional.of(BigDecimal.valueOf(unit.lateDays().getAsLong())) : Optional.empty();
        out.number(7, late, NumberFormat.WHOLE);
        out.text(ADOPTED, unit.adopted().map(CheckedReturn::file).orElse(""), out.styles().wrapped());
        out.text(9, unit.matchedBy());
        if (projects) {
            out.text(PROJECT, project(unit), unit.project().isPresent() ? out.styles().text() : out.styles().status(UnitStatus.MISSING));
        }
    }

    /** 已报送3个项目 / 未报送: the unit's project return, which is a submission of its own beside the 部门整体支出 one. */
    static String project(UnitResult unit) {
        return unit.project().map(p -> p.projects().isEmpty() ? "已报送（未读到项目）" : "已报送" + p.projects().size() + "个项目")
                .orElse(UnitStatus.MISSING.label());
    }

    private void fileRow(ReceivedFile file) {
        out.newRow();
        out.text(0, file.name(), out.styles().wrapped());
        out.text(1, file.state().label());
        out.text(2, file.unitCode().orElse(""));
        out.dateTime(3, file.received());
        out.text(REASON, file.reason(), out.styles().wrapped());
    }

    /** 收到文件 9 个 = 已采用 4 + 被替代 2 + 未匹配 1 + 已拒收 1 + 已忽略 1: nothing received goes unaccounted. */
    static String filesEquation(Consolidation consolidation) {
        Map<FileState, Long> counts = consolidation.counts();
        return "收到文件" + consolidation.files().size() + "个 = " + counts.entrySet().stream()
                .map(e -> e.getKey().label() + e.getValue()).collect(Collectors.joining(" + "));
    }
}
