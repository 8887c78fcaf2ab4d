package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDataValidation;

/**
 * A report section longer than two rows can hold (a row is at most 409 points) grows by rows when a workbook is
 * written with its text: 昆明's 部门概况 is 3,336 characters. Everything below it moves with it — its name, its
 * validation — and no heading is printed apart from its box.
 */
class ReportBoxesTest {
    private static final List<String> SECTIONS = List.of("report_overview", "report_spending", "report_targets",
            "report_conclusion", "report_experience", "report_problems", "report_measures");

    @Test
    void aLongSectionGrowsByRowsAndTheSectionsBelowKeepTheirNamesAndValidations() throws Exception {
        try (XSSFWorkbook workbook = SampleReturns.build(SampleReturns.seed("kunming-2017").orElseThrow())) {
            XSSFSheet sheet = workbook.getSheet(ReportSheet.NAME);
            WorkbookFiller cells = new WorkbookFiller(workbook);
            String overview = cells.cell("report_overview", 0).getStringCellValue();
            assertThat(overview).hasSizeGreaterThan(3000);

            CellRangeAddress box = boxAt(sheet, cells.cell("report_overview", 0).getRowIndex());
            assertThat(box.getLastRow() - box.getFirstRow() + 1).as("rows of the 3,336-character box").isGreaterThan(2);
            float height = 0;
            for (int r = box.getFirstRow(); r <= box.getLastRow(); r++) {
                assertThat(sheet.getRow(r).getHeightInPoints()).isLessThanOrEqualTo(409f);
                height += sheet.getRow(r).getHeightInPoints();
            }
            assertThat(height).isGreaterThanOrEqualTo(Grid.heightFor(overview, 7 * 16) - 1);

            List<String> validated = validatedCells(sheet);
            for (String section : SECTIONS) {
                var cell = cells.cell(section, 0);
                CellRangeAddress merged = boxAt(sheet, cell.getRowIndex());
                assertThat(merged.getFirstColumn()).as(section).isZero();
                assertThat(sheet.getRow(cell.getRowIndex() - 1).getCell(0).getStringCellValue()).as("heading above " + section)
                        .startsWith(List.of("一、", "二、", "三、", "四、", "五、", "六、", "七、").get(SECTIONS.indexOf(section)));
                assertThat(validated).as("validation of " + section).contains(new CellReference(cell).formatAsString(false));
                assertThat(sheet.isRowBroken(cell.getRowIndex() - 1)).as("a page break between the heading of " + section + " and its box").isFalse();
            }
        }
    }

    private static CellRangeAddress boxAt(XSSFSheet sheet, int row) {
        return sheet.getMergedRegions().stream().filter(m -> m.getFirstRow() == row && m.getFirstColumn() == 0).findFirst().orElseThrow();
    }

    private static List<String> validatedCells(XSSFSheet sheet) {
        List<String> cells = new ArrayList<>();
        for (CTDataValidation validation : sheet.getCTWorksheet().getDataValidations().getDataValidationArray()) {
            for (Object ref : validation.getSqref()) {
                cells.add(CellRangeAddress.valueOf(ref.toString()).formatAsString().split(":")[0]);
            }
        }
        return cells;
    }
}
