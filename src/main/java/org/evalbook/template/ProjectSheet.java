package org.evalbook.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.ProjectComputed;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.IndicatorLevel;
import org.evalbook.framework.Operator;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;

/**
 * One project's sheet, laid out as the national 项目支出绩效自评表 (财预〔2020〕10号 附件1): header, 项目资金 × 年初预算数 /
 * 全年预算数 / 全年执行数 with 分值 · 执行率 · 得分, 年度总体目标, the 绩效指标 table, 总分 and 自评等级. Every name is
 * sheet-scoped, so a sheet the unit copies for another project carries its own names and formulas.
 */
final class ProjectSheet {
    static final int LEVEL1 = 0;
    static final int LEVEL2 = 1;
    static final int NAME = 2;
    static final int OP = 3;
    static final int TARGET = 4;
    static final int UNIT = 5;
    static final int ACTUAL = 6;
    static final int WEIGHT = 7;
    static final int SCORE = 8;
    static final int SELF = 9;
    static final int REASON = 10;
    private static final int LAST = REASON;
    /** The funds lines start here; the period columns are E, F, G (年初预算数, 全年预算数, 全年执行数). */
    private static final int FUNDS_HEADER = 4;
    private static final int FIRST_PERIOD_COLUMN = 4;

    private final ProjectFramework framework;
    private final ProjectProfile profile;
    private final XSSFWorkbook workbook;
    private final Styles styles;
    private final ProjectFormulas formulas;
    private final Optional<Integer> year;
    /** Names are defined after every formula is written: POI's formula parser looks each token up among all names. */
    private final List<Runnable> pendingNames = new ArrayList<>();
    /** The indicator table's rows (0-based), the same on every sheet. */
    private int firstIndicatorRow;
    private int lastIndicatorRow;

    ProjectSheet(ProjectFramework framework, ProjectProfile profile, XSSFWorkbook workbook, Styles styles, Optional<Integer> year) {
        this.framework = framework;
        this.profile = profile;
        this.workbook = workbook;
        this.styles = styles;
        this.formulas = new ProjectFormulas(framework);
        this.year = year;
    }

    /** Writes the sheet named {@code sheetName}, with the project's roster values (pj_name …) as defaults the unit may edit. */
    Grid write(String sheetName, FieldValues project) {
        XSSFSheet sheet = workbook.createSheet(sheetName);
        Grid grid = new Grid(sheet, styles);
        // Wide enough for the longest label of each column in one line (服务对象满意度指标, 全年预算数 over the funds).
        grid.widths(11, 19, 22, 8, 12, 12, 12, 8, 9, 9, 26);
        grid.merged(0, 0, LAST, "项目支出绩效自评表", Styles.Kind.TITLE);
        grid.height(0, 30);
        grid.merged(1, 0, LAST, "（" + year.map(y -> y + "年度").orElse("    年度") + "）", Styles.Kind.SUBTITLE);
        labelled(grid, project, 2, "pj_name", 0, 1, 2, LAST);
        labelled(grid, project, 3, "pj_dept", 0, 1, 2, 5);
        labelled(grid, project, 3, "pj_unit", 6, 7, 8, LAST);
        int row = funds(grid, project);
        row = goals(grid, row);
        row = indicators(grid, row);
        return grid;
    }

    /** A label over [labelFirst, labelLast] and the field's cell over [first, last]. */
    private void labelled(Grid grid, FieldValues project, int row, String id, int labelFirst, int labelLast, int first, int last) {
        FieldDef field = field(id);
        grid.merged(row, labelFirst, labelLast, field.label(), Styles.Kind.LABEL);
        input(grid, row, first, field, project);
        for (int c = first + 1; c <= last; c++) {
            grid.styled(row, c, styles.input(field.type()));
        }
        if (last > first) {
            grid.sheet().addMergedRegion(new CellRangeAddress(row, row, first, last));
        }
    }

    private int funds(Grid grid, FieldValues project) {
        int header = FUNDS_HEADER;
        grid.merged(header, 2, 3, "", Styles.Kind.HEADER);
        int column = FIRST_PERIOD_COLUMN;
        for (String label : framework.periods().values()) {
            grid.text(header, column++, label, Styles.Kind.HEADER);
        }
        int weightColumn = column;
        grid.text(header, weightColumn, "分值", Styles.Kind.HEADER);
        grid.text(header, weightColumn + 1, framework.execution().name().replace("预算", ""), Styles.Kind.HEADER);
        grid.text(header, weightColumn + 2, "得分", Styles.Kind.HEADER);
        grid.text(header, LAST, "", Styles.Kind.HEADER);
        Map<String, List<FieldDef>> lines = new LinkedHashMap<>();
        // The funds lines are the fields with a column (period); their group names the block.
        framework.projectFields().stream().filter(f -> f.period().isPresent())
                .forEach(f -> lines.computeIfAbsent(f.stem(), k -> new ArrayList<>()).add(f));
        int row = header + 1;
        for (List<FieldDef> line : lines.values()) {
            grid.merged(row, 2, 3, line.get(0).lineLabel(), Styles.Kind.LABEL);
            for (FieldDef f : line) {
                input(grid, row, FIRST_PERIOD_COLUMN + periodIndex(f), f, project);
            }
            if (row == header + 1) {
                Cell weight = grid.cell(row, weightColumn);
                weight.setCellValue(profile.execution().doubleValue());
                weight.setCellStyle(styles.get(Styles.Kind.LOCKED_NUMBER));
                String rate = ProjectFormulas.ref(weightColumn + 1, row);
                String executed = ref(framework.execution().numerator());
                String budget = ref(framework.execution().denominator());
                formula(grid, row, weightColumn + 1, ProjectComputed.EXEC_RATE.id(), formulas.executionRate(executed, budget), Styles.Kind.FORMULA_PERCENT);
                formula(grid, row, weightColumn + 2, ProjectComputed.EXEC_SCORE.id(),
                        formulas.executionScore(rate, ProjectFormulas.ref(weightColumn, row)), Styles.Kind.FORMULA_SCORE);
            } else {
                for (int c = weightColumn; c <= weightColumn + 2; c++) {
                    grid.text(row, c, "—", Styles.Kind.NOT_APPLICABLE);
                }
            }
            grid.text(row, LAST, "", Styles.Kind.TEXT);
            row++;
        }
        block(grid, header, row - 1, lines.values().iterator().next().get(0).group());
        return row;
    }

    private int goals(Grid grid, int row) {
        FieldDef expected = field("pj_goal_expected");
        FieldDef actual = field("pj_goal_actual");
        grid.merged(row, 2, 6, expected.label(), Styles.Kind.HEADER);
        grid.merged(row, 7, LAST, actual.label(), Styles.Kind.HEADER);
        int text = row + 1;
        block(grid, row, text, expected.group());
        input(grid, text, 2, expected, FieldValues.builder().build());
        input(grid, text, 7, actual, FieldValues.builder().build());
        for (int c = 3; c <= 6; c++) {
            grid.styled(text, c, styles.input(expected.type()));
        }
        for (int c = 8; c <= LAST; c++) {
            grid.styled(text, c, styles.input(actual.type()));
        }
        grid.sheet().addMergedRegion(new CellRangeAddress(text, text, 2, 6));
        grid.sheet().addMergedRegion(new CellRangeAddress(text, text, 7, LAST));
        grid.height(text, 90);
        return text + 1;
    }

    private int indicators(Grid grid, int header) {
        var table = framework.indicatorTable();
        List<FieldDef> columns = table.columns();
        Map<String, Integer> at = new LinkedHashMap<>();
        int[] positions = {LEVEL1, LEVEL2, NAME, OP, TARGET, UNIT, ACTUAL, WEIGHT, SELF, REASON};
        for (int i = 0; i < columns.size(); i++) {
            at.put(columns.get(i).id(), positions[i]);
            grid.text(header, positions[i], columns.get(i).label(), Styles.Kind.HEADER);
        }
        grid.text(header, SCORE, "得分", Styles.Kind.HEADER);
        int first = header + 1;
        int last = first + table.minRows() - 1;
        firstIndicatorRow = first;
        lastIndicatorRow = last;
        for (int row = first; row <= last; row++) {
            for (FieldDef column : columns) {
                int c = at.get(column.id());
                grid.styled(row, c, styles.get(c == TARGET || c == ACTUAL ? Styles.Kind.INPUT_NUMBER
                        : c == WEIGHT || c == SELF ? Styles.Kind.INPUT_SCORE : Styles.Kind.INPUT_TEXT));
            }
            formula(grid, row, SCORE, null, formulas.indicatorScore(row), Styles.Kind.FORMULA_SCORE);
        }
        for (FieldDef column : columns) {
            local(column.id(), grid.sheet(), first, last, at.get(column.id()));
        }
        local(ProjectComputed.ROW_SCORE.id(), grid.sheet(), first, last, SCORE);
        validateTable(grid.sheet(), columns, at, first, last);
        int total = last + 1;
        grid.merged(total, 0, WEIGHT, "总分", Styles.Kind.HEADER);
        formula(grid, total, SCORE, ProjectComputed.TOTAL.id(), formulas.total(ProjectFormulas.ref(FIRST_PERIOD_COLUMN + framework.periods().size() + 2,
                FUNDS_HEADER + 1), first, last), Styles.Kind.FORMULA_SCORE);
        input(grid, total, SELF, field("pj_self_total"), FieldValues.builder().build());
        grid.text(total, REASON, "", Styles.Kind.TEXT);
        int grade = total + 1;
        grid.merged(grade, 0, WEIGHT, "自评等级", Styles.Kind.HEADER);
        formula(grid, grade, SCORE, ProjectComputed.GRADE.id(), formulas.grade(ProjectFormulas.ref(SCORE, total)), Styles.Kind.FORMULA_TEXT);
        input(grid, grade, SELF, field("pj_self_grade"), FieldValues.builder().build());
        grid.text(grade, REASON, "", Styles.Kind.TEXT);
        int note = grade + 1;
        grid.merged(note, 0, LAST, weightsHint(), Styles.Kind.NOTE_WRAPPED);
        grid.merged(note + 1, 0, LAST, "“得分”列、执行率和总分由公式按评分规则计算（比率保留4位小数，得分保留2位小数），供参考；"
                + "“自评得分”“自评总分”“自评等级”由单位填写。定性指标的实际完成值填“" + String.join("”“",
                framework.judgementLevels().stream().map(j -> j.level()).toList()) + "”之一，自评得分须在该档次的分值范围内。", Styles.Kind.NOTE_WRAPPED);
        return note + 2;
    }

    /**
     * Row heights for printing: a row keeps a height the layout set when its text needs less; the indicator rows keep
     * no height at all, so that Excel grows a row as the unit types a long reason into it (a set height stops that).
     */
    void fitHeights(Grid grid) {
        for (int row = 1; row <= grid.sheet().getLastRowNum(); row++) {
            Row r = grid.sheet().getRow(row);
            if (r == null) {
                continue;
            }
            if (row >= firstIndicatorRow && row <= lastIndicatorRow) {
                r.setHeight((short) -1);
                continue;
            }
            float set = r.getHeightInPoints();
            grid.fitHeight(row);
            if (set > r.getHeightInPoints()) {
                r.setHeightInPoints(set);
            }
        }
    }

    /** A label in columns A:B spanning rows [first, last]. */
    private static void block(Grid grid, int first, int last, String label) {
        for (int r = first; r <= last; r++) {
            for (int c = 0; c <= 1; c++) {
                grid.styled(r, c, grid.styles().get(Styles.Kind.LABEL));
            }
        }
        grid.cell(first, 0).setCellValue(label);
        grid.sheet().addMergedRegion(new CellRangeAddress(first, last, 0, 1));
    }

    /** 分值 of this profile, as the unit distributes them over its own indicators. */
    private String weightsHint() {
        StringBuilder hint = new StringBuilder("本评价方案（" + profile.name() + "）分值：" + framework.execution().name() + " "
                + Validations.plain(profile.execution()) + " 分");
        profile.levels().forEach((level, weight) -> hint.append("，").append(level).append(" ").append(Validations.plain(weight)).append(" 分"));
        return hint.append("。各一级指标下三级指标的分值之和应等于该一级指标的分值；指标不适用时指标性质选“不适用”，总分按其余分值折算为百分制。").toString();
    }

    private void validateTable(XSSFSheet sheet, List<FieldDef> columns, Map<String, Integer> at, int first, int last) {
        List<String> levels = framework.levels().stream().map(IndicatorLevel::level).toList();
        List<String> level2 = framework.levels().stream().flatMap(l -> l.level2().stream()).toList();
        List<String> ops = framework.operators().stream().map(Operator::symbol).toList();
        Validations.list(sheet, "一级指标", levels, first, last, LEVEL1);
        Validations.list(sheet, "二级指标", level2, first, last, LEVEL2);
        Validations.list(sheet, "指标性质", ops, first, last, OP);
        for (FieldDef column : columns) {
            int c = at.get(column.id());
            if (c == WEIGHT || c == SELF || c == NAME || c == UNIT || c == REASON) {
                Validations.add(sheet, column, first, last, c);
            }
        }
    }

    private void input(Grid grid, int row, int column, FieldDef field, FieldValues project) {
        Cell cell = grid.cell(row, column);
        Optional<BigDecimal> number = project.number(field.id());
        Optional<String> text = project.text(field.id());
        // Roster values are defaults the unit may change: a copied sheet must take another project's name and figures.
        number.ifPresent(n -> cell.setCellValue(n.doubleValue()));
        text.ifPresent(cell::setCellValue);
        cell.setCellStyle(styles.input(field.type()));
        Validations.add(grid.sheet(), field, row, row, column);
        local(field.id(), grid.sheet(), row, row, column);
    }

    private void formula(Grid grid, int row, int column, String name, String formula, Styles.Kind kind) {
        Cell cell = grid.cell(row, column);
        cell.setCellStyle(styles.get(kind));
        cell.setCellFormula(formula);
        if (name != null) {
            local(name, grid.sheet(), row, row, column);
        }
    }

    /** A sheet-scoped name: the same name on every project sheet, each pointing into its own sheet. */
    private void local(String name, XSSFSheet sheet, int firstRow, int lastRow, int column) {
        pendingNames.add(() -> define(name, sheet, firstRow, lastRow, column));
    }

    /** Defines the names of every sheet written so far. */
    void defineNames() {
        pendingNames.forEach(Runnable::run);
        pendingNames.clear();
    }

    private void define(String name, XSSFSheet sheet, int firstRow, int lastRow, int column) {
        XSSFName defined = workbook.createName();
        defined.setNameName(name);
        defined.setSheetIndex(workbook.getSheetIndex(sheet));
        CellReference first = new CellReference(sheet.getSheetName(), firstRow, column, true, true);
        CellReference last = new CellReference(sheet.getSheetName(), lastRow, column, true, true);
        defined.setRefersToFormula(firstRow == lastRow ? first.formatAsString()
                : new AreaReference(first, last, workbook.getSpreadsheetVersion()).formatAsString());
    }

    /** Where a field sits on the sheet, for formulas: funds lines by period, as {@link #funds} lays them out. */
    private String ref(String id) {
        FieldDef f = field(id);
        List<String> stems = framework.projectFields().stream().filter(x -> x.period().isPresent()).map(FieldDef::stem).distinct().toList();
        return ProjectFormulas.ref(FIRST_PERIOD_COLUMN + periodIndex(f), FUNDS_HEADER + 1 + stems.indexOf(f.stem()));
    }

    private int periodIndex(FieldDef f) {
        return new ArrayList<>(framework.periods().keySet()).indexOf(f.period().orElseThrow());
    }

    private FieldDef field(String id) {
        return framework.field(id).orElseThrow(() -> new IllegalStateException("the project framework has no field " + id));
    }
}
