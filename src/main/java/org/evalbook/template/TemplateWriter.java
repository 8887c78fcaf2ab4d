package org.evalbook.template;

import org.evalbook.signing.SigningKey;
import org.evalbook.signing.IssueSignature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.framework.SheetDef;
import org.evalbook.framework.SheetKind;

/** Writes the standard workbook: blank (a template) or issued to one unit, pre-filled and signed. */
public final class TemplateWriter {
    private TemplateWriter() {
    }

    /** The workbook for {@code issue} (or the blank template when empty), signed with {@code key}. */
    public static XSSFWorkbook workbook(Framework framework, Profile profile, Optional<UnitIssue> issue, SigningKey key) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Context context = new Context(framework, profile, issue, workbook);
        Map<SheetDef, Grid> grids = new LinkedHashMap<>();
        Optional<BaseDataSheet> baseData = Optional.empty();
        for (SheetDef sheet : framework.sheets()) {
            grids.put(sheet, switch (sheet.kind()) {
                case INSTRUCTIONS -> new InstructionsSheet(context).write();
                case BASE_DATA -> {
                    baseData = Optional.of(new BaseDataSheet(context, sheet));
                    yield baseData.get().write();
                }
                case TABLE -> new TableSheet(context, framework.table(sheet.tables().get(0)).orElseThrow(), sheet.note()).write();
                case INDICATORS -> new IndicatorSheet(context).write();
                case WORKPAPER -> new WorkpaperSheet(context).write();
                case REPORT -> new ReportSheet(context).write();
            });
        }
        context.writeFormulas();
        // Cached values, so viewers that do not recalculate show the checks; and a recalculation when Excel opens it.
        XSSFFormulaEvaluator.evaluateAllFormulaCells(workbook);
        workbook.setForceFormulaRecalculation(true);
        XSSFSheet meta = new MetaSheet(context, key).write();

        // The report's rows are sized by ReportSheet, and its headings kept with their boxes by page breaks, not by
        // repeated rows.
        grids.forEach((sheet, grid) -> {
            if (sheet.kind() != SheetKind.REPORT) {
                for (int row = 1; row <= grid.sheet().getLastRowNum(); row++) {
                    grid.fitHeight(row);
                }
            }
        });
        baseData.ifPresent(BaseDataSheet::paginate);
        String password = protectionPassword(issue, key);
        grids.forEach((sheet, grid) -> {
            switch (sheet.kind()) {
                case INDICATORS, WORKPAPER, BASE_DATA -> PrintLayout.LANDSCAPE.apply(grid.sheet(), "1:3");
                case REPORT -> PrintLayout.PORTRAIT.apply(grid.sheet(), "");
                case INSTRUCTIONS, TABLE -> PrintLayout.PORTRAIT.apply(grid.sheet(), "1:3");
            }
            protect(grid.sheet(), password);
        });
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
