package org.evalbook.template;

import org.evalbook.signing.SigningKey;
import org.evalbook.signing.IssueSignature;
import org.evalbook.signing.IssueIdentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An issued workbook read back with POI: names, locking, validation, formulas, pre-fill, against a golden dump. */
class IssuedWorkbookTest {
    private static final List<DefinedName> CONTRACT = FieldContract.of(Issued.FRAMEWORK);

    @ParameterizedTest
    @ValueSource(strings = {"0530101", "0430405"})
    void namesMatchTheGoldenDump(String code) throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook(code)) {
            String profile = Issued.issue(Issued.unit(code)).profile();
            Golden.assertMatches("issued-" + profile + "-names.txt", WorkbookDump.names(workbook));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0530101", "0430405", "0430406"})
    void everyContractNameResolvesToOneCellOrColumn(String code) throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook(code)) {
            for (DefinedName name : CONTRACT) {
                var defined = workbook.getName(name.id());
                assertThat(defined).as(name.id()).isNotNull();
                AreaReference area = new AreaReference(defined.getRefersToFormula(), workbook.getSpreadsheetVersion());
                int rows = area.getLastCell().getRow() - area.getFirstCell().getRow() + 1;
                assertThat(area.getFirstCell().getCol()).isEqualTo(area.getLastCell().getCol());
                assertThat(rows).as(name.id()).isEqualTo(name.column() ? Issued.FRAMEWORK.tableOf(name.id()).orElseThrow().minRows() : 1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0530101", "0430405"})
    void inputsAreUnlockedAndValidatedAndEverythingElseIsLocked(String code) throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook(code)) {
            Profile profile = Issued.FRAMEWORK.profile(Issued.issue(Issued.unit(code)).profile()).orElseThrow();
            Set<String> inputCells = new HashSet<>();
            List<String> problems = new ArrayList<>();
            for (DefinedName name : CONTRACT) {
                boolean shouldBeInput = isInput(name, profile);
                for (CellReference ref : cells(workbook, name.id())) {
                    Cell cell = cellAt(workbook, ref);
                    boolean unlocked = cell != null && !cell.getCellStyle().getLocked();
                    if (shouldBeInput != unlocked) {
                        problems.add(name.id() + " at " + ref.formatAsString() + (shouldBeInput ? " should be an unlocked input" : " should be locked"));
                    }
                    if (shouldBeInput) {
                        Optional<DataValidation> validation = validation(workbook.getSheet(ref.getSheetName()), ref);
                        if (validation.isEmpty()) {
                            problems.add(name.id() + " at " + ref.formatAsString() + " has no data validation");
                        } else if (!fitsType(name, validation.get())) {
                            problems.add(name.id() + " at " + ref.formatAsString() + " is validated as "
                                    + validation.get().getValidationConstraint().getValidationType() + ", not as " + name.type());
                        }
                    }
                    inputCells.add(ref.formatAsString());
                    mergedWith(workbook.getSheet(ref.getSheetName()), ref).forEach(inputCells::add);
                }
            }
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        CellReference ref = new CellReference(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), true, true);
                        if (!cell.getCellStyle().getLocked() && !inputCells.contains(ref.formatAsString())) {
                            boolean workpaperInput = sheet.getSheetName().equals(WorkpaperSheet.NAME) && cell.getRowIndex() >= 3;
                            if (!workpaperInput) {
                                problems.add("unlocked cell outside the contract: " + ref.formatAsString());
                            } else if (!isValidated(sheet, ref)) {
                                problems.add("workpaper input without validation: " + ref.formatAsString());
                            }
                        }
                    }
                }
                if (workbook.getSheetVisibility(s) != SheetVisibility.VISIBLE) {
                    assertThat(sheet.getSheetName()).isEqualTo(MetaSheet.NAME);
                    assertThat(workbook.getSheetVisibility(s)).isEqualTo(SheetVisibility.VERY_HIDDEN);
                }
                assertThat(sheet.getProtect()).as(sheet.getSheetName() + " protected").isTrue();
            }
            assertThat(workbook.isStructureLocked()).isTrue();
            assertThat(problems).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0530101", "0430405"})
    void everyComputedNameHasAFormula(String code) throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook(code)) {
            Profile profile = Issued.FRAMEWORK.profile(Issued.issue(Issued.unit(code)).profile()).orElseThrow();
            for (DefinedName name : CONTRACT) {
                if (name.requirement() != DefinedName.Requirement.COMPUTED) {
                    continue;
                }
                Cell cell = cellAt(workbook, cells(workbook, name.id()).get(0));
                String indicator = name.id().replaceFirst("^(rate|score)_", "");
                boolean used = profile.entry(indicator).isPresent() || name.id().equals("score_total") || name.id().equals("grade");
                if (used) {
                    assertThat(cell.getCellType()).as(name.id()).isEqualTo(CellType.FORMULA);
                } else {
                    assertThat(cell.getStringCellValue()).as(name.id()).isEqualTo("不适用");
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void rosterFiguresArePrefilledAndLocked() throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook("0430406")) {
            WorkbookFiller cells = new WorkbookFiller(workbook);
            assertThat(cells.cell("unit_code", 0).getStringCellValue()).isEqualTo("0430406");
            assertThat(cells.cell("unit_name", 0).getStringCellValue()).isEqualTo("石鼓区计划生育协会");
            assertThat(cells.cell("parent_dept", 0).getStringCellValue()).isEqualTo("衡阳市石鼓区卫生健康局");
            assertThat(cells.cell("fiscal_year", 0).getNumericCellValue()).isEqualTo(2022);
            assertThat(BigDecimal.valueOf(cells.cell("exp_total_budget", 0).getNumericCellValue())).isEqualByComparingTo("120.5");
            assertThat(BigDecimal.valueOf(cells.cell("sangong_total_prior_budget", 0).getNumericCellValue())).isEqualByComparingTo("1.2");
            for (String name : List.of("unit_code", "unit_name", "fiscal_year", "exp_total_budget", "sangong_total_prior_budget")) {
                assertThat(cells.cell(name, 0).getCellStyle().getLocked()).as(name).isTrue();
            }
            assertThat(cells.cell("exp_total_final", 0).getCellStyle().getLocked()).isFalse();
        }
    }

    @org.junit.jupiter.api.Test
    void metaSignatureVerifiesAndBreaksWhenAnythingSignedChanges() throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook("0430405")) {
            IssueIdentity identity = IssueIdentity.of(workbook, SigningKey.PUBLIC_DEMO);
            assertThat(identity.signatureValid()).isTrue();
            assertThat(identity.signedWithDemoKey()).isTrue();
            assertThat(identity.visibleMismatches()).isEmpty();
            assertThat(identity.meta()).containsEntry("unit_code", "0430405").containsEntry("profile", "hunan-2022")
                    .containsEntry("fiscal_year", "2022").containsEntry("framework_id", "dept-overall")
                    .containsEntry("issued_at", "2026-01-05T02:00:00Z");
        }
        for (String key : org.evalbook.signing.IssueSignature.SIGNED) {
            try (XSSFWorkbook workbook = Issued.workbook("0430405")) {
                Sheet meta = workbook.getSheet(MetaSheet.NAME);
                for (Row row : meta) {
                    if (row.getCell(0).getStringCellValue().equals(key)) {
                        row.getCell(1).setCellValue(row.getCell(1).getStringCellValue() + "x");
                    }
                }
                assertThat(IssueIdentity.of(workbook, SigningKey.PUBLIC_DEMO).signatureValid()).as("altered " + key).isFalse();
            }
        }
        try (XSSFWorkbook workbook = Issued.workbook("0430405")) {
            new WorkbookFiller(workbook).cell("unit_code", 0).setCellValue("0430499");
            IssueIdentity identity = IssueIdentity.of(workbook, SigningKey.PUBLIC_DEMO);
            assertThat(identity.signatureValid()).isTrue();
            assertThat(identity.visibleMismatches()).containsExactly("unit_code: 0430499 ≠ 0430405");
        }
        try (XSSFWorkbook workbook = Issued.workbook("0430405")) {
            SigningKey other = SigningKey.of("another bureau".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
            Sheet meta = workbook.getSheet(MetaSheet.NAME);
            Map<String, String> values = IssueIdentity.meta(workbook);
            values.put("key_id", other.id());
            for (Row row : meta) {
                if (row.getCell(0).getStringCellValue().equals("key_id")) {
                    row.getCell(1).setCellValue(other.id());
                }
            }
            assertThat(IssueIdentity.of(workbook, SigningKey.of("bureau".getBytes(java.nio.charset.StandardCharsets.UTF_8), false))
                    .signatureValid()).as("a different key").isFalse();
        }
    }

    private static boolean isInput(DefinedName name, Profile profile) {
        if (name.requirement() == DefinedName.Requirement.COMPUTED || name.requirement() == DefinedName.Requirement.PREFILLED) {
            return false;
        }
        String id = name.id();
        for (var indicator : Issued.FRAMEWORK.indicators()) {
            boolean belongs = id.equals(indicator.selfName()) || id.equals(indicator.reasonName()) || id.equals(indicator.levelName())
                    || id.startsWith("check_" + indicator.id() + "_");
            if (belongs && id.matches("(self|reason|level|check)_.*")) {
                return profile.entry(indicator.id()).isPresent();
            }
        }
        return true;
    }

    static List<CellReference> cells(XSSFWorkbook workbook, String name) {
        AreaReference area = new AreaReference(workbook.getName(name).getRefersToFormula(), workbook.getSpreadsheetVersion());
        return List.of(area.getAllReferencedCells());
    }

    static Cell cellAt(XSSFWorkbook workbook, CellReference ref) {
        Row row = workbook.getSheet(ref.getSheetName()).getRow(ref.getRow());
        return row == null ? null : row.getCell(ref.getCol());
    }

    /** The other cells of the merged region a cell heads (a report section's text box). */
    private static List<String> mergedWith(Sheet sheet, CellReference ref) {
        List<String> cells = new ArrayList<>();
        for (var region : sheet.getMergedRegions()) {
            if (region.getFirstRow() == ref.getRow() && region.getFirstColumn() == ref.getCol()) {
                for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
                        cells.add(new CellReference(sheet.getSheetName(), r, c, true, true).formatAsString());
                    }
                }
            }
        }
        return cells;
    }

    /** The validation suits the field's type: amounts to 2 decimals, whole numbers, lists of the options, dates. */
    private static boolean fitsType(DefinedName name, DataValidation validation) {
        var constraint = validation.getValidationConstraint();
        int type = constraint.getValidationType();
        return switch (name.type()) {
            case AMOUNT -> type == DataValidationConstraint.ValidationType.FORMULA && constraint.getFormula1().contains("ROUND(");
            case INTEGER -> type == DataValidationConstraint.ValidationType.INTEGER;
            case NUMBER -> type == DataValidationConstraint.ValidationType.DECIMAL
                    || type == DataValidationConstraint.ValidationType.FORMULA && constraint.getFormula1().contains("ROUND(");
            case PERCENT -> type == DataValidationConstraint.ValidationType.DECIMAL;
            case DATE -> type == DataValidationConstraint.ValidationType.DATE;
            case CHOICE -> type == DataValidationConstraint.ValidationType.LIST && constraint.getExplicitListValues() != null
                    && constraint.getExplicitListValues().length >= 2;
            case TEXT, LONGTEXT -> type == DataValidationConstraint.ValidationType.TEXT_LENGTH
                    || type == DataValidationConstraint.ValidationType.FORMULA;
        };
    }

    private static Optional<DataValidation> validation(Sheet sheet, CellReference ref) {
        for (DataValidation validation : sheet.getDataValidations()) {
            for (var range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(ref.getRow(), ref.getCol())) {
                    return Optional.of(validation);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isValidated(Sheet sheet, CellReference ref) {
        for (DataValidation validation : sheet.getDataValidations()) {
            for (var range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(ref.getRow(), ref.getCol())) {
                    return true;
                }
            }
        }
        return false;
    }
}
