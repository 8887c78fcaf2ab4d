package org.evalbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** On paper, 基础数据表 breaks only before a section heading, so no section (the 功能科目 table above all) is split. */
class SectionPagesTest {
    @Test
    void theBaseDataSheetBreaksOnlyBeforeASectionHeading() throws Exception {
        try (XSSFWorkbook workbook = Issued.workbook("0430405")) {
            XSSFSheet sheet = workbook.getSheet(BaseDataSheet.NAME);
            int[] breaks = sheet.getRowBreaks();
            assertThat(breaks).as("a section that does not fit on the page it would start on begins a new one").isNotEmpty();
            for (int row : breaks) {
                assertThat(sheet.getRow(row + 1).getCell(0).getStringCellValue()).as("the row after the break at %d", row)
                        .matches("[一二三四五六七八九十]+、.*");
            }
            assertThat(sheet.getRow(breaks[breaks.length - 1] + 1).getCell(0).getStringCellValue()).endsWith("支出（按功能分类科目）");
        }
    }
}
