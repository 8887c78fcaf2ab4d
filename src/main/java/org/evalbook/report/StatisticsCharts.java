package org.evalbook.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs;

/**
 * The two charts of 统计分析, drawn from cells on the sheet: the grade distribution as columns and each unit's
 * recomputed total against its self-assessed total as points. The streaming sheet has no chart API of its own, so the
 * charts go on the drawing of the sheet it streams into; their series refer to the cells (a clerk who edits a count
 * sees the chart follow) and carry the values as well, for programs that do not recalculate charts on opening.
 *
 * <p>Each series is plotted by itself, not through {@code XDDFChart.plot}: that also writes the values into the
 * usermodel sheet behind the streamed one, whose rows the streamed ones replace when the workbook is written. For
 * 10,000 units that was 20,000 cells made as XML beans, kept and serialised for nothing, a second of the tail.
 */
final class StatisticsCharts {
    static final String GRADE_TITLE = "核定等级分布";
    static final String SCORE_TITLE = "核定总分与自评总分（每点一个单位）";
    /** Rows the charts take, side by side, between the grade table and the per-unit table. */
    static final int HEIGHT_ROWS = 20;
    private static final double FULL_MARKS = 100;
    private static final byte[] BAR_COLOUR = {(byte) 0x44, (byte) 0x72, (byte) 0xC4};

    private final XSSFDrawing drawing;
    private final String sheetName;

    StatisticsCharts(SXSSFWorkbook workbook, String sheetName) {
        this.drawing = workbook.getXSSFWorkbook().getSheet(sheetName).createDrawingPatriarch();
        this.sheetName = sheetName;
    }

    /**
     * Columns of units per grade.
     *
     * @param firstRow the row of the first grade (0-based); grades in column A, counts in column B below a header row
     */
    void grades(int top, List<String> grades, List<Integer> counts, int firstRow) {
        XSSFChart chart = chart(top, 0, 1, GRADE_TITLE);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        x.setTitle("核定等级");
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle("单位数（家）");
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        y.setMinimum(0);
        y.setMajorUnit(Math.max(1, Math.ceil(counts.stream().mapToInt(Integer::intValue).max().orElse(0) / 10.0)));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setVaryColors(false);
        int lastRow = firstRow + grades.size() - 1;
        XDDFChartData.Series series = data.addSeries(
                XDDFDataSourcesFactory.fromArray(grades.toArray(String[]::new), range(0, firstRow, lastRow)),
                XDDFDataSourcesFactory.fromArray(counts.toArray(Integer[]::new), range(1, firstRow, lastRow)));
        series.setTitle("单位数", new CellReference(sheetName, firstRow - 1, 1, true, true));
        // Without a fill of their own, some programs draw the columns invisible.
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(BAR_COLOUR)));
        series.plot();
        chart.deleteLegend();
    }

    /**
     * One point per unit scored: x its recomputed total, y its self-assessed total (a blank self total has no point).
     *
     * @param firstRow the row of the first unit (0-based); recomputed totals in column B, self totals in column C
     */
    void scores(int top, List<Optional<BigDecimal>> recomputed, List<Optional<BigDecimal>> self, int firstRow) {
        XSSFChart chart = chart(top, 1, 8, SCORE_TITLE);
        XDDFValueAxis x = chart.createValueAxis(AxisPosition.BOTTOM);
        x.setTitle("核定总分（分）");
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setTitle("自评总分（分）");
        for (XDDFValueAxis axis : List.of(x, y)) {
            axis.setMinimum(0);
            axis.setMaximum(FULL_MARKS);
            axis.setMajorUnit(10);
        }
        x.crossAxis(y);
        y.crossAxis(x);
        XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, x, y);
        data.setStyle(ScatterStyle.LINE_MARKER);
        data.setVaryColors(false);
        int lastRow = firstRow + recomputed.size() - 1;
        XDDFScatterChartData.Series series = (XDDFScatterChartData.Series) data.addSeries(
                XDDFDataSourcesFactory.fromArray(values(recomputed), range(1, firstRow, lastRow)),
                XDDFDataSourcesFactory.fromArray(values(self), range(2, firstRow, lastRow)));
        series.setTitle("各单位", null);
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.CIRCLE);
        series.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        series.plot();
        // A unit without a self-assessed total has no point; the format's default would plot it at 0.
        chart.getCTChart().addNewDispBlanksAs().setVal(STDispBlanksAs.GAP);
        chart.deleteLegend();
    }

    private XSSFChart chart(int top, int firstColumn, int lastColumn, String title) {
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, firstColumn, top, lastColumn, top + HEIGHT_ROWS));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        return chart;
    }

    private String range(int column, int firstRow, int lastRow) {
        return new CellRangeAddress(firstRow, lastRow, column, column).formatAsString(sheetName, true);
    }

    private static Double[] values(List<Optional<BigDecimal>> values) {
        return values.stream().map(v -> v.map(BigDecimal::doubleValue).orElse(null)).toArray(Double[]::new);
    }
}
