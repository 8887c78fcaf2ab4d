package org.evalbook.template;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.ProjectComputed;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.signing.IssueIdentity;
import org.evalbook.signing.SigningKey;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetProtection;

/**
 * Writes the 项目支出绩效自评 workbook of one unit: 填报说明 with the unit's workbook-scoped fields, one sheet per project
 * ({@link ProjectSheet}), and the hidden, signed meta sheet. The workbook's structure is left open so that the unit can
 * add a project by copying a sheet; each sheet is protected, inputs unlocked.
 */
public final class ProjectWorkbookWriter {
    static final String INSTRUCTIONS = "填报说明";
    private static final int SHEET_NAME_LENGTH = 31;

    private ProjectWorkbookWriter() {
    }

    /**
     * The workbook for {@code issue} (the blank form when empty), one sheet per entry of {@code projects} (their
     * pj_name, pj_dept, pj_unit, funds … as defaults), one blank project sheet when there are none.
     */
    public static XSSFWorkbook workbook(ProjectFramework framework, ProjectProfile profile, Optional<UnitIssue> issue,
                                       List<FieldValues> projects, SigningKey key) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Styles styles = new Styles(workbook);
        List<Grid> grids = new ArrayList<>();
        grids.add(instructions(framework, profile, issue, workbook, styles));
        List<FieldValues> sheets = projects.isEmpty() ? List.of(FieldValues.builder().build()) : projects;
        Set<String> taken = new HashSet<>(Set.of(INSTRUCTIONS, IssueIdentity.META_SHEET));
        ProjectSheet writer = new ProjectSheet(framework, profile, workbook, styles, issue.map(UnitIssue::fiscalYear));
        for (int i = 0; i < sheets.size(); i++) {
            grids.add(writer.write(sheetName(sheets.get(i).text("pj_name"), i + 1, taken), sheets.get(i)));
        }
        // Cached values before the names exist: POI parses every formula again to evaluate it and looks each function
        // token up among all names, one by one (the formulas refer to cells, never to names, so the results are the same).
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        writer.defineNames();
        workbook.setForceFormulaRecalculation(true);
        XSSFSheet meta = meta(framework, profile, issue, key, workbook, styles);
        String password = TemplateWriter.protectionPassword(issue, key);
        Grid instructions = grids.get(0);
        for (int row = 1; row <= instructions.sheet().getLastRowNum(); row++) {
            instructions.fitHeight(row);
        }
        PrintLayout.PORTRAIT.apply(instructions.sheet(), "");
        for (Grid grid : grids.subList(1, grids.size())) {
            writer.fitHeights(grid);
            PrintLayout.LANDSCAPE.apply(grid.sheet(), "");
            // A project is one form on one page, as the national 自评表 is printed and signed.
            grid.sheet().getPrintSetup().setFitHeight((short) 1);
        }
        // One SHA-512 hash (100 000 rounds) for the workbook: every sheet has the same password, so it takes a copy.
        TemplateWriter.protect(meta, password);
        CTSheetProtection protection = meta.getCTWorksheet().getSheetProtection();
        grids.forEach(grid -> grid.sheet().getCTWorksheet().setSheetProtection((CTSheetProtection) protection.copy()));
        workbook.setActiveSheet(grids.size() > 1 ? 1 : 0);
        return workbook;
    }

    public static void write(ProjectFramework framework, ProjectProfile profile, Optional<UnitIssue> issue,
                             List<FieldValues> projects, SigningKey key, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = workbook(framework, profile, issue, projects, key)) {
            workbook.write(out);
        }
    }

    /**
     * The field contract of the project form: the unit's workbook-scoped names, then the names every project sheet
     * carries (fields, the indicator table's columns, the computed cells), in the order of the sheet.
     */
    public static List<DefinedName> contract(ProjectFramework framework) {
        List<DefinedName> names = new ArrayList<>();
        for (FieldDef f : framework.unitFields()) {
            names.add(new DefinedName(f.id(), f.label(), f.unit(), f.type(), f.prefilled() ? DefinedName.Requirement.PREFILLED
                    : f.required() ? DefinedName.Requirement.REQUIRED : DefinedName.Requirement.OPTIONAL, false));
        }
        for (FieldDef f : framework.projectFields()) {
            names.add(new DefinedName(f.id(), f.label(), f.unit(), f.type(),
                    f.required() ? DefinedName.Requirement.REQUIRED : DefinedName.Requirement.OPTIONAL, false));
        }
        var table = framework.indicatorTable();
        for (FieldDef c : table.columns()) {
            names.add(new DefinedName(c.id(), table.label() + "·" + c.label(), c.unit(), c.type(), c.id().equals("pi_reason")
                    ? DefinedName.Requirement.WHEN_BELOW_WEIGHT : DefinedName.Requirement.AT_LEAST_ONE_ROW, true));
        }
        names.add(computed(ProjectComputed.EXEC_RATE.id(), framework.execution().name(), "%", FieldType.PERCENT, false));
        names.add(computed(ProjectComputed.EXEC_SCORE.id(), framework.execution().name() + "得分", "分", FieldType.NUMBER, false));
        names.add(computed(ProjectComputed.ROW_SCORE.id(), table.label() + "·得分", "分", FieldType.NUMBER, true));
        names.add(computed(ProjectComputed.TOTAL.id(), "总分", "分", FieldType.NUMBER, false));
        names.add(computed(ProjectComputed.GRADE.id(), "等级", "", FieldType.TEXT, false));
        return names;
    }

    /** Whether a name of {@link #contract} is defined on each project sheet rather than once for the workbook. */
    public static boolean isSheetScoped(DefinedName name) {
        return name.id().startsWith("pj_") || name.id().startsWith("pi_");
    }

    private static DefinedName computed(String id, String label, String unit, FieldType type, boolean column) {
        return new DefinedName(id, label, unit, type, DefinedName.Requirement.COMPUTED, column);
    }

    /** {@code <单位代码>_<单位名称>_<年度>_项目支出绩效自评.xlsx}. */
    public static String fileName(ProjectFramework framework, String unitCode, String unitName, int year) {
        return FileNames.safe(unitCode + "_" + unitName + "_" + year + "_" + framework.name()) + ".xlsx";
    }

    /**
     * The project's name made a valid, unused sheet name (at most 31 characters, none of {@code []:*?/\}, not starting
     * or ending with an apostrophe); 项目n when it has none.
     */
    static String sheetName(Optional<String> projectName, int number, Set<String> taken) {
        String base = projectName.map(String::strip).filter(n -> !n.isEmpty())
                .map(n -> WorkbookUtil.createSafeSheetName(n, '_').replaceAll("^'+|'+$", "").strip())
                .filter(n -> !n.isEmpty()).orElse("项目" + number);
        String name = base.length() > SHEET_NAME_LENGTH ? base.substring(0, SHEET_NAME_LENGTH) : base;
        for (int n = 2; taken.stream().anyMatch(name::equalsIgnoreCase); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), SHEET_NAME_LENGTH - suffix.length())) + suffix;
        }
        taken.add(name);
        return name;
    }

    /** 填报说明: who fills it in for which year, the unit's fields (workbook-scoped names), and how to fill the form. */
    private static Grid instructions(ProjectFramework framework, ProjectProfile profile, Optional<UnitIssue> issue,
                                     XSSFWorkbook workbook, Styles styles) {
        Grid grid = InstructionsSheet.titled(workbook.createSheet(INSTRUCTIONS), styles, issue, framework.name());
        int row = 2;
        grid.text(row++, 0, "单位信息", Styles.Kind.HEADER);
        Names names = new Names(workbook);
        for (FieldDef field : framework.unitFields()) {
            grid.text(row, 0, field.label(), Styles.Kind.LABEL);
            unitField(grid, names, row++, field, issue);
        }
        row++;
        List<String[]> facts = new ArrayList<>(InstructionsSheet.issueFacts(issue));
        facts.add(new String[] {"评价方案", profile.name()});
        facts.add(new String[] {"评价框架", framework.name() + " " + framework.version() + "（" + framework.basis() + "）"});
        facts.add(InstructionsSheet.RETURN_BY);
        row = InstructionsSheet.labelled(grid, row, facts) + 1;
        row = InstructionsSheet.steps(grid, row, List.of(
                "1. 在本页上方填写联系人、联系电话和填报日期。",
                "2. 每个项目一张工作表，已按财政局掌握的项目列出；项目名称等预填内容如有出入可以改正。",
                "3. 本单位还有其他项目的：右键点击一张项目工作表标签，选“移动或复制”并勾选“建立副本”，在副本中改填该项目（请勿删除表中的行列）。",
                "4. 填写项目资金（万元，保留两位小数）、年度总体目标和绩效指标；执行率、“得分”列和总分由公式自动计算，可作参考。",
                "5. 逐项填写自评得分；得分低于分值的，在“偏差原因分析及改进措施”中写明原因；最后填写自评总分和自评等级。",
                "6. 填写完毕后保存为 .xlsx 文件（请勿改为其他格式），按“交回方式”交回。")) + 1;
        InstructionsSheet.colours(grid, row);
        return grid;
    }

    /** A unit field: the roster's value locked, except an editable default; an input in the blank form. */
    private static void unitField(Grid grid, Names names, int row, FieldDef field, Optional<UnitIssue> issue) {
        Cell cell = grid.cell(row, 1);
        Optional<BigDecimal> number = issue.flatMap(i -> i.prefill().number(field.id()));
        Optional<String> text = issue.flatMap(i -> i.prefill().text(field.id()));
        boolean locked = issue.isPresent() && field.prefilled() && !UnitIssue.EDITABLE_DEFAULTS.contains(field.id());
        number.ifPresent(n -> cell.setCellValue(n.doubleValue()));
        text.ifPresent(cell::setCellValue);
        if (locked) {
            cell.setCellStyle(number.isPresent() ? grid.styles().locked(field.type()) : grid.styles().locked(org.evalbook.framework.FieldType.TEXT));
        } else {
            cell.setCellStyle(grid.styles().input(field.type()));
            Validations.add(grid.sheet(), field, row, row, 1);
        }
        names.cell(field.id(), grid.sheet(), row, 1);
    }

    /** The hidden meta sheet, as in the 部门整体支出 workbook: what the workbook was issued for, signed. */
    private static XSSFSheet meta(ProjectFramework framework, ProjectProfile profile, Optional<UnitIssue> issue, SigningKey key,
                                  XSSFWorkbook workbook, Styles styles) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("framework_id", framework.id());
        values.put("framework_version", framework.version());
        values.put("profile", profile.id());
        // Project sheets' roster values stay editable (a copied sheet changes them), so none is signed.
        issue.ifPresent(unit -> MetaSheet.sign(values, unit, Map.of(), key));
        Grid grid = new Grid(workbook.createSheet(IssueIdentity.META_SHEET), styles);
        grid.widths(20, 70);
        int row = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            grid.text(row, 0, entry.getKey(), Styles.Kind.LOCKED_TEXT);
            grid.text(row++, 1, entry.getValue(), Styles.Kind.LOCKED_TEXT);
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(IssueIdentity.META_SHEET), SheetVisibility.VERY_HIDDEN);
        return grid.sheet();
    }
}
