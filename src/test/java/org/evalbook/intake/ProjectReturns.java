package org.evalbook.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.ProjectScore;
import org.evalbook.check.ProjectScorer;
import org.evalbook.framework.ProjectComputed;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.signing.IssueSignature;
import org.evalbook.signing.SigningKey;

/**
 * Project returns (项目支出绩效自评表) built with POI after the workbook contract of issue 12, until the issued workbook
 * exists: workbook-scoped unit names on 填报说明, a signed meta sheet (demo key, framework project-self), and per project
 * sheet the same sheet-scoped names — pj_ fields, pi_ column ranges of 15 rows, and the computed cells as formulas whose
 * cached results are what evalbook's scorer gives (the formulas are close to the issued ones, never evaluated here).
 */
public final class ProjectReturns {
    public static final ProjectFramework FRAMEWORK = ProjectContract.bundled();
    public static final String UNIT_CODE = "301001";
    public static final String UNIT_NAME = "池州市示范局";
    /** First indicator row (0-based) and the number of rows of the pi_ ranges. */
    static final int FIRST_ROW = 18;
    static final int ROWS = 15;
    private static final String[] COLUMNS = {"pi_level1", "pi_level2", "pi_name", "pi_op", "pi_target", "pi_unit", "pi_actual",
        "pi_weight", "pi_self", "pi_score", "pi_reason"};

    private ProjectReturns() {
    }

    /** One indicator row as typed: a String or a Number per cell, null for blank. */
    public record Indicator(String level1, String level2, String name, String op, Object target, String unit, Object actual,
                            Object weight, Object self, String reason) {
        public Indicator withActual(Object changed) {
            return new Indicator(level1, level2, name, op, target, unit, changed, weight, self, reason);
        }

        public Indicator self(Object changed) {
            return new Indicator(level1, level2, name, op, target, unit, actual, weight, changed, reason);
        }

        public Indicator reason(String changed) {
            return new Indicator(level1, level2, name, op, target, unit, actual, weight, self, changed);
        }

        public Indicator op(String changed) {
            return new Indicator(level1, level2, name, changed, target, unit, actual, weight, self, reason);
        }

        public Indicator level1(String changed) {
            return new Indicator(changed, level2, name, op, target, unit, actual, weight, self, reason);
        }

        public Indicator weight(Object changed) {
            return new Indicator(level1, level2, name, op, target, unit, actual, changed, self, reason);
        }
    }

    /** One project sheet as typed. Funds: rows total, fiscal, carry, other × columns initial, full, exec. */
    public static final class Project {
        public String sheet;
        public String name;
        public final Object[][] funds = new Object[4][3];
        public String expected = "完成年度培训和受益户帮扶任务";
        public String actual = "按计划完成，受益户数略低于目标";
        public final List<Indicator> rows = new ArrayList<>();
        public Object selfTotal;
        public String selfGrade;
        /** Computed cells typed over with a value (id → value): the C18 case. */
        public final Map<String, Object> typedOver = new LinkedHashMap<>();
        /** Cached results other than evalbook's (id → value): the C26 case. */
        public final Map<String, Object> staleCache = new LinkedHashMap<>();
    }

    /**
     * A consistent project, derived by hand under the default profile (执行率 10, 产出 50, 效益 30, 满意度 10): 执行率 95/100 =
     * 95.00 % → 9.50; rows 20 + 15 + 15 + 27 (90/100 户 × 30) + 10 = 87; total 96.50, 优.
     */
    public static Project consistent(String sheet, String name) {
        Project p = new Project();
        p.sheet = sheet;
        p.name = name;
        Object[][] funds = {{100, 100, 95}, {80, 80, 76}, {20, 20, 19}, {null, null, null}};
        for (int r = 0; r < 4; r++) {
            System.arraycopy(funds[r], 0, p.funds[r], 0, 3);
        }
        p.rows.add(new Indicator("产出指标", "数量指标", "培训人次", "≥", 500, "人次", 520, 20, 20, null));
        p.rows.add(new Indicator("产出指标", "质量指标", "培训合格率", "≥", "95%", "%", "96%", 15, 15, null));
        p.rows.add(new Indicator("产出指标", "时效指标", "完成时间", "≤", 12, "月", 12, 15, 15, null));
        p.rows.add(new Indicator("效益指标", "社会效益指标", "受益户数", "≥", 100, "户", 90, 30, 27, "部分农户外出务工，下年度提前摸底"));
        p.rows.add(new Indicator("满意度指标", "服务对象满意度指标", "受训人员满意度", "≥", "90%", "%", "92%", 10, 10, null));
        p.selfTotal = new BigDecimal("96.5");
        p.selfGrade = "优";
        return p;
    }

    /** Writes a return of {@code projects} to {@code file}; {@code edit} changes the workbook before it is saved. */
    public static Path write(Path file, List<Project> projects, Consumer<XSSFWorkbook> edit) throws IOException {
        try (XSSFWorkbook workbook = workbook(projects)) {
            edit.accept(workbook);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    public static Path write(Path file, List<Project> projects) throws IOException {
        return write(file, projects, w -> { });
    }

    /** The workbook of {@code projects}, the cached results of its formulas as evalbook computes them. */
    public static XSSFWorkbook workbook(List<Project> projects) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        unit(workbook);
        for (Project project : projects) {
            project(workbook, project);
        }
        meta(workbook);
        cache(workbook, projects);
        return workbook;
    }

    private static void unit(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.createSheet("填报说明");
        text(sheet, 0, 0, "项目支出绩效自评表填报说明");
        Object[][] fields = {{"单位代码", "unit_code", UNIT_CODE}, {"单位名称", "unit_name", UNIT_NAME}, {"评价年度", "fiscal_year", 2025},
            {"联系人", "contact_name", "王芳"}, {"联系电话", "contact_phone", "0566-2021234"}, {"填报日期", "fill_date", "2026-03-20"}};
        for (int i = 0; i < fields.length; i++) {
            text(sheet, 2 + i, 0, (String) fields[i][0]);
            value(sheet, 2 + i, 1, fields[i][2]);
            name(workbook, (String) fields[i][1], -1, sheet.getSheetName(), "$B$" + (3 + i));
        }
    }

    private static void project(XSSFWorkbook workbook, Project p) {
        XSSFSheet sheet = workbook.createSheet(p.sheet);
        int index = workbook.getSheetIndex(sheet);
        text(sheet, 0, 0, "项目支出绩效自评表");
        String[][] heads = {{"项目名称", "pj_name"}, {"主管部门", "pj_dept"}, {"实施单位", "pj_unit"}};
        Object[] heads2 = {p.name, "池州市示范局", "池州市示范局"};
        for (int i = 0; i < heads.length; i++) {
            text(sheet, 2 + i, 0, heads[i][0]);
            value(sheet, 2 + i, 1, heads2[i]);
            name(workbook, heads[i][1], index, p.sheet, "$B$" + (3 + i));
        }
        String[] periods = {"initial", "full", "exec"};
        String[] lines = {"pj_funds_total", "pj_funds_fiscal", "pj_funds_carry", "pj_funds_other"};
        String[] lineLabels = {"年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"};
        text(sheet, 6, 0, "资金（万元）");
        text(sheet, 6, 1, "年初预算数");
        text(sheet, 6, 2, "全年预算数");
        text(sheet, 6, 3, "全年执行数");
        for (int r = 0; r < 4; r++) {
            text(sheet, 7 + r, 0, lineLabels[r]);
            for (int c = 0; c < 3; c++) {
                value(sheet, 7 + r, 1 + c, p.funds[r][c]);
                name(workbook, lines[r] + "_" + periods[c], index, p.sheet, "$" + (char) ('B' + c) + "$" + (8 + r));
            }
        }
        text(sheet, 12, 0, "预算执行率");
        formula(sheet, 12, 1, "IF(AND(ISNUMBER(C8),ISNUMBER(D8),N(C8)>0),ROUND(D8/C8,4),\"\")");
        name(workbook, ProjectComputed.EXEC_RATE.id(), index, p.sheet, "$B$13");
        text(sheet, 12, 2, "执行率得分");
        formula(sheet, 12, 3, "IF(B13=\"\",0,MIN(10,ROUND(10*B13,2)))");
        name(workbook, ProjectComputed.EXEC_SCORE.id(), index, p.sheet, "$D$13");
        text(sheet, 14, 0, "预期目标");
        value(sheet, 14, 1, p.expected);
        name(workbook, "pj_goal_expected", index, p.sheet, "$B$15");
        text(sheet, 15, 0, "实际完成情况");
        value(sheet, 15, 1, p.actual);
        name(workbook, "pj_goal_actual", index, p.sheet, "$B$16");
        String[] headers = {"一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值", "自评得分", "复核得分", "偏差原因分析及改进措施"};
        for (int c = 0; c < headers.length; c++) {
            text(sheet, FIRST_ROW - 1, c, headers[c]);
        }
        for (int i = 0; i < ROWS; i++) {
            int r = FIRST_ROW + i;
            int excel = r + 1;
            if (i < p.rows.size()) {
                Indicator row = p.rows.get(i);
                Object[] cells = {row.level1(), row.level2(), row.name(), row.op(), row.target(), row.unit(), row.actual(), row.weight(), row.self(), null, row.reason()};
                for (int c = 0; c < cells.length; c++) {
                    if (c != 9) {
                        value(sheet, r, c, cells[c]);
                    }
                }
            }
            formula(sheet, r, 9, ("IF(A%1$d=\"\",\"\",IF(D%1$d=\"不适用\",\"\",IF(D%1$d=\"≥\",IF(N(E%1$d)<=0,H%1$d,ROUND(H%1$d*MIN(1,ROUND(G%1$d/E%1$d,4)),2)),"
                    + "IF(D%1$d=\"≤\",IF(N(G%1$d)<=0,H%1$d,ROUND(H%1$d*MIN(1,ROUND(E%1$d/G%1$d,4)),2)),IF(D%1$d=\"=\",IF(N(E%1$d)=0,IF(N(G%1$d)=0,H%1$d,0),"
                    + "ROUND(H%1$d*MAX(0,1-ROUND(ABS(G%1$d-E%1$d)/ABS(E%1$d),4)),2)),N(I%1$d))))))").formatted(excel));
        }
        int last = FIRST_ROW + ROWS;
        for (int c = 0; c < COLUMNS.length; c++) {
            String column = String.valueOf((char) ('A' + c));
            name(workbook, COLUMNS[c], index, p.sheet, "$" + column + "$" + (FIRST_ROW + 1) + ":$" + column + "$" + last);
        }
        // Three empty rows under the table: a filled row right below it would be read as an indicator typed below (F12).
        int total = last + 3;
        text(sheet, total, 0, "自评总分");
        value(sheet, total, 1, p.selfTotal);
        name(workbook, "pj_self_total", index, p.sheet, "$B$" + (total + 1));
        text(sheet, total, 2, "自评等级");
        value(sheet, total, 3, p.selfGrade);
        name(workbook, "pj_self_grade", index, p.sheet, "$D$" + (total + 1));
        text(sheet, total, 4, "复核总分");
        formula(sheet, total, 5, "ROUND((D13+SUM(J%1$d:J%2$d))*100/(100-SUMIF(D%1$d:D%2$d,\"不适用\",H%1$d:H%2$d)),2)".formatted(FIRST_ROW + 1, last));
        name(workbook, ProjectComputed.TOTAL.id(), index, p.sheet, "$F$" + (total + 1));
        text(sheet, total, 6, "复核等级");
        formula(sheet, total, 7, "IF(F%1$d>=90,\"优\",IF(F%1$d>=80,\"良\",IF(F%1$d>=60,\"中\",\"差\")))".formatted(total + 1));
        name(workbook, ProjectComputed.GRADE.id(), index, p.sheet, "$H$" + (total + 1));
    }

    private static void meta(XSSFWorkbook workbook) {
        XSSFSheet sheet = workbook.createSheet("meta");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("framework_id", FRAMEWORK.id());
        values.put("framework_version", FRAMEWORK.version());
        values.put("profile", "default");
        values.put("rules", "");
        values.put("unit_code", UNIT_CODE);
        values.put("unit_name", UNIT_NAME);
        values.put("fiscal_year", "2025");
        values.put("issued_at", "2026-03-01T00:00:00Z");
        values.put("key_id", SigningKey.PUBLIC_DEMO.id());
        values.put("prefilled", "");
        values.put("signature", IssueSignature.sign(values, SigningKey.PUBLIC_DEMO));
        int r = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            text(sheet, r, 0, entry.getKey());
            text(sheet, r++, 1, entry.getValue());
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
    }

    /** Sets each formula's cached result to evalbook's recomputation, then plants typed-over cells and stale caches. */
    private static void cache(XSSFWorkbook workbook, List<Project> projects) throws IOException {
        Path scratch = Files.createTempFile("project-return", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(scratch)) {
                workbook.write(out);
            }
            RawReturn raw = new WorkbookReader(org.evalbook.framework.Frameworks.bundled(org.evalbook.framework.Frameworks.DEFAULT_ID), FRAMEWORK)
                    .read(scratch, "scratch.xlsx");
            ProjectValues values = new ProjectValues(FRAMEWORK);
            for (Project p : projects) {
                ProjectScore score = new ProjectScorer(FRAMEWORK, FRAMEWORK.profileOrDefault("default")).score(values.sheet(raw, p.sheet).values());
                XSSFSheet sheet = workbook.getSheet(p.sheet);
                int total = FIRST_ROW + ROWS + 3;
                cached(sheet, 12, 1, score.executionRate().<Object>map(r -> r).orElse(""));
                cached(sheet, 12, 3, score.executionScore());
                for (int i = 0; i < ROWS; i++) {
                    int index = i + 1;
                    Object rowScore = score.rows().stream().filter(r -> r.index() == index).findFirst()
                            .<Object>map(r -> r.score().<Object>map(s -> s).orElse("")).orElse("");
                    cached(sheet, FIRST_ROW + i, 9, rowScore);
                }
                cached(sheet, total, 5, score.total());
                cached(sheet, total, 7, score.grade());
                p.typedOver.forEach((id, value) -> locate(sheet, id).ifPresent(c -> {
                    c.removeFormula();
                    set(c, value);
                }));
                p.staleCache.forEach((id, value) -> locate(sheet, id).ifPresent(c -> set(c, value)));
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static java.util.Optional<Cell> locate(XSSFSheet sheet, String id) {
        int total = FIRST_ROW + ROWS + 3;
        int[] at = ProjectComputed.named(id).map(computed -> switch (computed) {
            case EXEC_RATE -> new int[] {12, 1};
            case EXEC_SCORE -> new int[] {12, 3};
            case TOTAL -> new int[] {total, 5};
            case GRADE -> new int[] {total, 7};
            case ROW_SCORE -> null;
        }).orElse(id.startsWith("pi_score[") ? new int[] {FIRST_ROW + Integer.parseInt(id.substring(9, id.length() - 1)) - 1, 9} : null);
        return at == null ? java.util.Optional.empty() : java.util.Optional.of(sheet.getRow(at[0]).getCell(at[1]));
    }

    private static void cached(XSSFSheet sheet, int r, int c, Object value) {
        set(sheet.getRow(r).getCell(c), value);
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    private static void name(XSSFWorkbook workbook, String id, int sheetIndex, String sheet, String ref) {
        XSSFName name = workbook.createName();
        if (sheetIndex >= 0) {
            name.setSheetIndex(sheetIndex);
        }
        name.setNameName(id);
        name.setRefersToFormula("'" + sheet + "'!" + ref);
    }

    private static Cell cell(XSSFSheet sheet, int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
    }

    private static void text(XSSFSheet sheet, int r, int c, String text) {
        cell(sheet, r, c).setCellValue(text);
    }

    private static void value(XSSFSheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        set(cell(sheet, r, c), value);
    }

    private static Cell formula(XSSFSheet sheet, int r, int c, String formula) {
        Cell cell = cell(sheet, r, c);
        cell.setCellFormula(formula);
        return cell;
    }
}
