package org.evalbook.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.check.IndicatorScore;
import org.evalbook.check.ScoreSheet;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.ReportStyles.NumberFormat;

/**
 * 指标得分: units × indicators, the recomputed score with the unit's self-score beside it. Each profile has a block of
 * its own — its own indicators and weights — because units scored under different profiles share no grid.
 */
final class ScoresSheet {
    static final String NAME = "指标得分";
    private static final int FIRST_SCORE = 2;
    /** Indicator names are long; the header wraps them into a tall row instead of widening every column. */
    private static final float INDICATOR_HEADER_HEIGHT = 48;
    private static final int SCORE_WIDTH = 9;
    private static final String NOT_APPLICABLE = "不适用";

    private final SheetWriter out;
    private final Framework framework;
    private final ReturnDetails details;

    private ScoresSheet(SheetWriter out, Framework framework, ReturnDetails details) {
        this.out = out;
        this.framework = framework;
        this.details = details;
    }

    static void write(SheetWriter out, Consolidation consolidation, Framework framework, String year, ReturnDetails details) {
        new ScoresSheet(out, framework, details).write(consolidation, year);
    }

    private void write(Consolidation consolidation, String year) {
        Map<String, List<UnitResult>> byProfile = byProfile(consolidation.units());
        int widest = byProfile.values().stream().mapToInt(u -> columns(scores(u.get(0)))).max().orElse(FIRST_SCORE + 2);
        out.title(year + "各单位指标得分（核定得分与自评得分对照）", Math.min(widest, 12));
        if (byProfile.isEmpty()) {
            out.header(List.of("单位代码", "单位名称", "说明"));
            out.newRow();
            out.text(2, "尚无采用的填报表，暂无得分。");
        }
        for (Map.Entry<String, List<UnitResult>> block : byProfile.entrySet()) {
            block(block.getKey(), block.getValue());
            out.skipRow();
        }
        for (int c = FIRST_SCORE; c < widest; c++) {
            out.fixWidth(c, SCORE_WIDTH);
        }
        out.finish(FIRST_SCORE);
    }

    /** Adopted, scored returns by profile, in the framework's profile order and roster order within. */
    private Map<String, List<UnitResult>> byProfile(List<UnitResult> units) {
        Map<String, List<UnitResult>> blocks = new LinkedHashMap<>();
        framework.profiles().keySet().forEach(id -> blocks.put(id, new ArrayList<>()));
        for (UnitResult unit : units) {
            unit.adopted().flatMap(CheckedReturn::scores)
                    .ifPresent(s -> blocks.computeIfAbsent(s.profileId(), id -> new ArrayList<>()).add(unit));
        }
        blocks.values().removeIf(List::isEmpty);
        return blocks;
    }

    private static ScoreSheet scores(UnitResult unit) {
        return unit.adopted().flatMap(CheckedReturn::scores).orElseThrow();
    }

    private static int columns(ScoreSheet sheet) {
        return FIRST_SCORE + 2 * (1 + sheet.indicators().size());
    }

    private void block(String profileId, List<UnitResult> units) {
        List<IndicatorScore> indicators = scores(units.get(0)).indicators();
        String name = framework.profile(profileId).map(Profile::name).orElse(profileId);
        out.newRow();
        out.text(0, "评价方案：" + name + "（" + units.size() + "个单位）", out.styles().totalText());
        List<String> top = new ArrayList<>(List.of("单位代码", "单位名称", "总分", ""));
        List<String> sub = new ArrayList<>(List.of("", "", "核定", "自评"));
        for (IndicatorScore indicator : indicators) {
            top.add(indicator.name() + "（" + indicator.weight().stripTrailingZeros().toPlainString() + "分）");
            top.add("");
            sub.add("核定");
            sub.add("自评");
        }
        Row names = out.header(top);
        names.setHeightInPoints(INDICATOR_HEADER_HEIGHT);
        int first = names.getRowNum();
        out.header(sub);
        for (int c = FIRST_SCORE; c < top.size(); c += 2) {
            out.sheet().addMergedRegion(new CellRangeAddress(first, first, c, c + 1));
        }
        out.sheet().addMergedRegion(new CellRangeAddress(first, first + 1, 0, 0));
        out.sheet().addMergedRegion(new CellRangeAddress(first, first + 1, 1, 1));
        for (UnitResult unit : units) {
            row(unit, indicators);
        }
    }

    private void row(UnitResult unit, List<IndicatorScore> columns) {
        // The unit's self-score per indicator is only written here: it is read back with the return's details.
        CheckedReturn adopted = details.full(unit.adopted().orElseThrow(), ReturnDetails.Detail.FIGURES);
        ScoreSheet scores = adopted.scores().orElseThrow();
        out.newRow();
        out.text(0, unit.roster().unitCode());
        out.text(1, unit.roster().unitName());
        out.number(2, Optional.of(scores.total()), NumberFormat.DECIMAL);
        out.number(3, adopted.figure("self_total"), NumberFormat.DECIMAL);
        int column = FIRST_SCORE + 2;
        for (IndicatorScore indicator : columns) {
            Optional<BigDecimal> score = scores.indicator(indicator.indicatorId()).flatMap(IndicatorScore::score);
            if (score.isPresent()) {
                out.number(column, score, NumberFormat.DECIMAL);
            } else {
                out.text(column, NOT_APPLICABLE);
            }
            out.number(column + 1, adopted.figure("self_" + indicator.indicatorId()), NumberFormat.DECIMAL);
            column += 2;
        }
    }
}
