package org.evalbook.template;

import org.evalbook.signing.SigningKey;
import org.evalbook.signing.IssueSignature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;

/** Writes the standard workbook: blank (a template) or issued to one unit, pre-filled and signed. */
public final class TemplateWriter {
    private TemplateWriter() {
    }

    /** The workbook for {@code issue} (or the blank template when empty), signed with {@code key}. */
    public static XSSFWorkbook workbook(Framework framework, Profile profile, Optional<UnitIssue> issue, SigningKey key) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Context context = new Context(framework, profile, issue, workbook);
        Grid instructions = new InstructionsSheet(context).write();
        BaseDataSheet baseData = new BaseDataSheet(context);
        Grid base = baseData.write();
        Grid projects = new TableSheet(context, framework.table("proj").orElseThrow(),
                "逐行填写本年项目支出；合计数应与基础数据表中的项目支出一致。是否重点项目请选择“是/否”。").write();
        Grid tasks = new TableSheet(context, framework.table("task").orElseThrow(),
                "逐项填写年度工作任务的计划数和完成情况；不同任务的计量单位可以不同（个、户、期、人次……）。").write();
        Grid indicators = new IndicatorSheet(context).write();
        Grid workpaper = new WorkpaperSheet(context).write();
        Grid explanations = new TableSheet(context, framework.table("expl").orElseThrow(),
                "校验出现差额或执行率偏离等情况时，在此说明原因：“涉及项目”填写字段名称或校验编号（如 C02），“情况说明”写明原因。").write();
        Grid report = new ReportSheet(context).write();
        context.writeFormulas();
        // Cached values, so viewers that do not recalculate show the checks; and a recalculation when Excel opens it.
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        workbook.setForceFormulaRecalculation(true);
        XSSFSheet meta = new MetaSheet(context, key).write();

        for (Grid grid : List.of(instructions, base, projects, tasks, indicators, workpaper, explanations)) {
            for (int row = 1; row <= grid.sheet().getLastRowNum(); row++) {
                grid.fitHeight(row);
            }
        }
        baseData.paginate();
        String password = protectionPassword(issue, key);
        for (Grid grid : List.of(instructions, base, projects, tasks, indicators, workpaper, explanations)) {
            (grid == indicators || grid == workpaper || grid == base ? PrintLayout.LANDSCAPE : PrintLayout.PORTRAIT)
                    .apply(grid.sheet(), "1:3");
            protect(grid.sheet(), password);
        }
        // Its headings are kept with their boxes by page breaks (ReportSheet), not by repeated rows.
        PrintLayout.PORTRAIT.apply(report.sheet(), "");
        protect(report.sheet(), password);
        protect(meta, password);
        workbook.setActiveSheet(0);
        workbook.lockStructure();
        workbook.setWorkbookPassword(password, HashAlgorithm.sha512);
        return workbook;
    }

    public static void write(Framework framework, Profile profile, Optional<UnitIssue> issue, SigningKey key,
                             OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = workbook(framework, profile, issue, key)) {
            workbook.write(out);
        }
    }

    /**
     * Sheet protection keeps labels and formulas from being changed by accident; the password is derived from the
     * bureau's key and the unit so the bureau (not the unit) can lift it. The signature, not this, is what proves
     * the workbook's identity.
     */
    static String protectionPassword(Optional<UnitIssue> issue, SigningKey key) {
        String subject = "sheet-protection:" + issue.map(UnitIssue::unitCode).orElse("template");
        return HexFormat.of().formatHex(IssueSignature.sign(java.util.Map.of("unit_code", subject), key)
                .getBytes(StandardCharsets.US_ASCII), 0, 6);
    }

    /**
     * Locks labels and formulas but lets the unit insert rows inside a table (as 填报说明 tells it to) and resize rows
     * and columns; the password hash is SHA-512, not the legacy 16-bit one.
     */
    static void protect(XSSFSheet sheet, String password) {
        sheet.setSheetPassword(password, HashAlgorithm.sha512);
        sheet.enableLocking();
        sheet.lockInsertRows(false);
        sheet.lockFormatRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }
}
