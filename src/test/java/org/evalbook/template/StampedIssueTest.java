package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.FieldValues;
import org.evalbook.signing.IssueIdentity;
import org.evalbook.signing.SigningKey;
import org.junit.jupiter.api.Test;

/** A stamped workbook is the workbook the full writer produces for the same unit, as every reader sees it. */
class StampedIssueTest {
    private static final SigningKey KEY = SigningKey.PUBLIC_DEMO;

    @Test
    void stampedWorkbooksReadAsTheFullWriterWritesThem() throws Exception {
        List<UnitIssue> units = List.of(
                unit("0430407", "石鼓区计划生育协会", "default", "衡阳市卫健委", "=HYPERLINK(\"http://x\")",
                        Map.of("exp_total_budget", "300.50", "exp_basic_budget", "200", "exp_project_budget", "100.50")),
                // Same shape without 主管部门 and 联系人, figures that do not add up: the cells are left empty and the
                // checks' cached results are this unit's, not the last one's.
                unit("0430408", "=甲<&乙\"'单位]]>", "default", null, null,
                        Map.of("exp_total_budget", "1000", "exp_basic_budget", "1.25", "exp_project_budget", "7")),
                // A name long enough to wrap: its rows grow as the full writer fits them.
                unit("0530101", "昆明市计划生育协会".repeat(5), "hunan-2022", "昆明市卫生健康委员会", "李四", Map.of()));
        Map<IssueShape, StampedIssue> stamps = new HashMap<>();
        for (UnitIssue unit : units) {
            IssueShape shape = IssueShape.of(unit).orElseThrow();
            StampedIssue stamp = stamps.computeIfAbsent(shape, s -> new StampedIssue(Issued.FRAMEWORK, profile(s.profile()), s, KEY));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stamp.write(unit, bytes);
            try (XSSFWorkbook full = TemplateWriter.workbook(Issued.FRAMEWORK, profile(unit.profile()), Optional.of(unit), KEY);
                 XSSFWorkbook stamped = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(dump(stamped)).as(unit.unitName()).isEqualTo(dump(full));
                assertThat(IssueIdentity.of(stamped, KEY).signatureValid()).isTrue();
                assertThat(IssueIdentity.meta(stamped)).isEqualTo(IssueIdentity.meta(full));
                String password = TemplateWriter.protectionPassword(Optional.of(unit), KEY);
                assertThat(stamped.validateWorkbookPassword(password)).isTrue();
                stamped.forEach(sheet -> assertThat(((XSSFSheet) sheet).validateSheetPassword(password)).as(sheet.getSheetName()).isTrue());
                assertThat(((XSSFSheet) stamped.getSheetAt(0)).validateSheetPassword("wrong")).isFalse();
            }
        }
        assertThat(stamps).hasSize(2);
    }

    @Test
    void textsTheStamperCannotWriteAsTheyAreAreLeftToTheFullWriter() {
        assertThat(IssueShape.of(unit("1", "甲\t乙", "default", null, null, Map.of()))).isEmpty();
        assertThat(IssueShape.of(unit("1", " 甲", "default", null, null, Map.of()))).isEmpty();
        assertThat(IssueShape.of(unit("1", "甲_x0041_", "default", null, null, Map.of()))).isEmpty();
        assertThat(IssueShape.of(unit("1", "甲<&乙", "default", null, null, Map.of()))).isPresent();
    }

    private static org.evalbook.framework.Profile profile(String id) {
        return Issued.FRAMEWORK.profile(id).orElseThrow();
    }

    private static UnitIssue unit(String code, String name, String profile, String dept, String contact, Map<String, String> figures) {
        FieldValues.Builder prefill = FieldValues.builder().text("unit_code", code).text("unit_name", name).number("fiscal_year", "2025");
        Optional.ofNullable(dept).ifPresent(d -> prefill.text("parent_dept", d));
        Optional.ofNullable(contact).ifPresent(c -> prefill.text("contact_name", c));
        figures.forEach((id, value) -> prefill.number(id, new BigDecimal(value)));
        return new UnitIssue(code, name, 2025, profile, Optional.of("u@example.cn"), Optional.of(LocalDate.of(2026, 3, 31)),
                Instant.parse("2026-01-05T02:00:00.123Z").plusSeconds(code.hashCode() % 1000), prefill.build());
    }

    /** The normalised dump, with what it leaves out here: formulas' cached results and row heights. */
    private static String dump(XSSFWorkbook workbook) {
        List<String> lines = new ArrayList<>(List.of(WorkbookDump.full(workbook)));
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                lines.add(sheet.getSheetName() + " row " + row.getRowNum() + " height " + row.getHeightInPoints());
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        lines.add(cell.getAddress() + " cached " + cell.getCachedFormulaResultType() + " "
                                + (cell.getCachedFormulaResultType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue())
                                : cell.getCachedFormulaResultType() == CellType.STRING ? cell.getStringCellValue() : ""));
                    }
                    lines.add(cell.getAddress() + " style " + cell.getCellStyle().getIndex());
                }
            }
        }
        return String.join("\n", lines);
    }
}
