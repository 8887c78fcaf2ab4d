package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's consolidated workbook, as a normalised text dump (one line per non-empty cell, as displayed), equals
 * {@code src/test/resources/golden/demo-consolidated.txt}. Key figures in it were checked by hand: 收到文件8个 (6 of the
 * 部门整体支出 form, 2 project returns), 昆明 逾期 2 天, 汇总's grand total 收入 499.77 (昆明 399.77 + 五华 100.00; 珠晖 left
 * 收入 blank), 支出 631.76 (399.75 + 132.01 + 100.00), mean recomputed total 41.33; of the 8 projects (昆明 6, 石鼓 2), 全年预算数
 * 110.84 (昆明 60.84 + 石鼓 0 + 50) and 全年执行数 109.34 (60.84 + 0 + 48.50), the rate 98.65 % over the 7 projects with a
 * budget (109.34 / 110.84). Regenerate with {@code -Devalbook.updateGolden=true} and review the diff.
 */
class DemoWorkbookGoldenTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "demo-consolidated.txt");

    @Test
    void theDemosConsolidatedWorkbookMatchesItsGoldenDump(@TempDir Path temp) throws Exception {
        CliRun run = CliRun.of("demo", "--samples", "test-workbooks", "--out", temp.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String dump;
        try (InputStream in = Files.newInputStream(temp.resolve("汇总.xlsx")); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            dump = dump(workbook);
        }
        if (Boolean.getBoolean("evalbook.updateGolden")) {
            Files.writeString(GOLDEN, dump, StandardCharsets.UTF_8);
        }
        assertThat(dump).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(dump).contains("收到文件8个", "逾期报送（逾期2天）", "499.77", "631.76", "41.33", "2家单位报送了8个项目",
                "全年预算数合计110.84万元", "全年执行数合计109.34万元", "总体预算执行率为98.65%");
    }

    private static String dump(XSSFWorkbook workbook) {
        DataFormatter shown = new DataFormatter();
        List<String> lines = new ArrayList<>();
        for (Sheet sheet : workbook) {
            lines.add("sheet " + sheet.getSheetName());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = shown.formatCellValue(cell);
                    if (!text.isBlank()) {
                        lines.add(sheet.getSheetName() + "!" + cell.getAddress().formatAsString() + " " + cell.getCellType() + " "
                                + text.replace("\n", "\\n"));
                    }
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
