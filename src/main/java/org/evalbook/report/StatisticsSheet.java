package org.evalbook.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.check.IndicatorScore;
import org.evalbook.check.ScoreSheet;
import org.evalbook.consolidate.ColumnStatistics;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.Outlier;
import org.evalbook.consolidate.Outliers;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.consolidate.UnitValue;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.report.ReportStyles.NumberFormat;

/**
 * 统计分析: how the adopted returns spread, one row per column — the recomputed total and each indicator's score,
 * per profile (a weight means something only within its profile), then each key figure — with the units beyond the
 * IQR fences named. Blanks are left out of every column, never counted as zero.
 */
final class StatisticsSheet {
    static final String NAME = "统计分析";
    private static final List<String> HEADERS = List.of("项目", "单位数", "平均值", "中位数", "标准差", "下四分位数", "上四分位数",
            "最小值", "最大值", "异常值（四分位距规则）");
    private static final int OUTLIERS = 9;
    private static final int TEXT_WIDTH = 50;
    private static final int LABEL_COLUMNS = 1;

    private final SheetWriter out;
    private final Framework framework;
    private final StatisticsCharts charts;

    private StatisticsSheet(SheetWriter out, Framework framework, StatisticsCharts charts) {
        this.out = out;
        this.framework = framework;
        this.charts = charts;
    }

    static void write(SheetWriter out, SXSSFWorkbook workbook, Consolidation consolidation, Framework framework, String year) {
        new StatisticsSheet(out, framework, new StatisticsCharts(workbook, NAME)).write(consolidation, year);
    }

    private void write(Consolidation consolidation, String year) {
        List<UnitResult> adopted = consolidation.units().stream().filter(u -> u.adopted().isPresent()).toList();
        out.fixWidth(0, TEXT_WIDTH);
        out.fixWidth(OUTLIERS, TEXT_WIDTH);
        out.title(year + "统计分析（已采用的" + adopted.size() + "份填报表）", HEADERS.size());
        out.header(HEADERS);
        section("一、核定得分（分）");
        for (Map.Entry<String, List<UnitResult>> profile : byProfile(adopted).entrySet()) {
            scoreRows(profile.getKey(), profile.getValue());
        }
        section("二、主要数据");
        for (KeyFigure figure : KeyFigure.values()) {
            List<UnitValue> column = new ArrayList<>();
            for (UnitResult unit : adopted) {
                figure.of(unit.adopted().get()).ifPresent(v -> column.add(new UnitValue(unit.roster().unitName(), v)));
            }
            row(figure.label(framework), column, figure.format());
        }
        List<UnitResult> scored = adopted.stream().filter(u -> u.adopted().get().scores().isPresent()).toList();
        int chartTop = gradeTable(scored);
        scoreTable(chartTop, scored);
        out.finish(LABEL_COLUMNS);
    }

    /** 三、核定等级分布: units per recomputed grade, in the framework's order; returns the row the charts start on. */
    private int gradeTable(List<UnitResult> scored) {
        out.skipRow();
        section("三、核定等级分布（图表数据）");
        out.header(List.of("核定等级", "单位数（家）"));
        List<String> grades = out.styles().grades();
        List<Integer> counts = new ArrayList<>();
        int first = -1;
        for (String grade : grades) {
            int count = (int) scored.stream().filter(u -> sheet(u).grade().equals(grade)).count();
            int row = out.newRow().getRowNum();
            first = first < 0 ? row : first;
            out.text(0, grade, out.styles().grade(grade));
            out.number(1, count, out.styles().body().whole());
            counts.add(count);
        }
        out.skipRow();
        int chartTop = out.newRow().getRowNum();
        charts.grades(chartTop, grades, counts, first);
        for (int i = 0; i < StatisticsCharts.HEIGHT_ROWS; i++) {
            out.skipRow();
        }
        return chartTop;
    }

    /** 四、each scored unit's recomputed and self-assessed totals, the points of the second chart. */
    private void scoreTable(int chartTop, List<UnitResult> scored) {
        section("四、各单位核定总分与自评总分（图表数据）");
        out.header(List.of("单位名称", "核定总分", "自评总分"));
        if (scored.isEmpty()) {
            return;
        }
        int first = -1;
        List<Optional<BigDecimal>> recomputed = new ArrayList<>();
        List<Optional<BigDecimal>> self = new ArrayList<>();
        for (UnitResult unit : scored) {
            int row = out.newRow().getRowNum();
            first = first < 0 ? row : first;
            recomputed.add(Optional.of(sheet(unit).total()));
            self.add(unit.adopted().get().figure("self_total"));
            out.text(0, unit.roster().unitName());
            out.number(1, recomputed.get(recomputed.size() - 1), NumberFormat.DECIMAL);
            out.number(2, self.get(self.size() - 1), NumberFormat.DECIMAL);
        }
        charts.scores(chartTop, recomputed, self, first);
    }

    private void section(String title) {
        out.newRow();
        out.text(0, title, out.styles().totalText());
    }

    private static Map<String, List<UnitResult>> byProfile(List<UnitResult> adopted) {
        Map<String, List<UnitResult>> profiles = new LinkedHashMap<>();
        for (UnitResult unit : adopted) {
            unit.adopted().flatMap(CheckedReturn::scores)
                    .ifPresent(s -> profiles.computeIfAbsent(s.profileId(), id -> new ArrayList<>()).add(unit));
        }
        return profiles;
    }

    private void scoreRows(String profileId, List<UnitResult> units) {
        String profile = framework.profile(profileId).map(Profile::name).orElse(profileId);
        List<UnitValue> totals = units.stream().map(u -> new UnitValue(u.roster().unitName(), sheet(u).total())).toList();
        row(profile + "·总分", totals, NumberFormat.DECIMAL);
        for (IndicatorScore indicator : sheet(units.get(0)).indicators()) {
            List<UnitValue> column = new ArrayList<>();
            for (UnitResult unit : units) {
                sheet(unit).indicator(indicator.indicatorId()).flatMap(IndicatorScore::score)
                        .ifPresent(score -> column.add(new UnitValue(unit.roster().unitName(), score)));
            }
            row(profile + "·" + indicator.name(), column, NumberFormat.DECIMAL);
        }
    }

    private static ScoreSheet sheet(UnitResult unit) {
        return unit.adopted().flatMap(CheckedReturn::scores).orElseThrow();
    }

    private void row(String label, List<UnitValue> column, NumberFormat format) {
        out.newRow();
        out.text(0, label, out.styles().wrapped());
        Optional<ColumnStatistics> statistics = ColumnStatistics.of(label, column.stream().map(UnitValue::value).toList());
        CellStyle style = out.styles().body().of(format == NumberFormat.WHOLE ? NumberFormat.DECIMAL : format);
        out.number(1, column.size(), out.styles().body().whole());
        if (statistics.isEmpty()) {
            for (int c = 2; c < OUTLIERS; c++) {
                out.empty(c, style);
            }
            out.text(OUTLIERS, "无数据");
            return;
        }
        ColumnStatistics s = statistics.get();
        // One unit has no standard deviation (Excel's STDEV is #DIV/0! there): that cell stays empty.
        List<OptionalDouble> values = List.of(OptionalDouble.of(s.mean()), OptionalDouble.of(s.median()), s.standardDeviation(),
                OptionalDouble.of(s.q1()), OptionalDouble.of(s.q3()), OptionalDouble.of(s.min()), OptionalDouble.of(s.max()));
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isPresent()) {
                out.number(2 + i, values.get(i).getAsDouble(), style);
            } else {
                out.empty(2 + i, style);
            }
        }
        out.text(OUTLIERS, outliers(Outliers.find(column), format), out.styles().wrapped());
    }

    /** 甲单位 偏高（123.45）；乙单位 偏低（45.00%）, or 无 when every unit lies within the fences. */
    private static String outliers(List<Outlier> outliers, NumberFormat format) {
        if (outliers.isEmpty()) {
            return "无";
        }
        return outliers.stream().map(o -> o.unit() + " " + o.side().word() + "（" + shown(o.value(), format) + "）")
                .collect(Collectors.joining("；"));
    }

    private static String shown(BigDecimal value, NumberFormat format) {
        return switch (format) {
            case PERCENT -> value.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
            case WHOLE -> value.stripTrailingZeros().toPlainString();
            case DECIMAL -> value.setScale(2, RoundingMode.HALF_UP).toPlainString();
        };
    }
}
