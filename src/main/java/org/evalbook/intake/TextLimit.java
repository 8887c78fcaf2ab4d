package org.evalbook.intake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;

/**
 * Excel's own limit on the text of one cell. A file past it was not saved by Excel, WPS or LibreOffice; reading it on
 * would carry megabytes of text into every report (and past what the worker can hand back), so it is refused.
 */
final class TextLimit {
    /** Excel's specification: "Total number of characters that a cell can contain: 32,767". */
    static final int MAX_CELL_CHARS = 32_767;

    private TextLimit() {
    }

    /**
     * The reason to refuse a workbook whose shared strings hold a text longer than a cell can be; empty when none does.
     * Checked before any cell is read, so that such a text is never matched against labels or copied.
     */
    static Optional<String> sharedStringTooLong(Workbook workbook) {
        // The table's items, not its uniqueCount attribute: a file may state a count it does not hold.
        SharedStringsTable table = workbook instanceof XSSFWorkbook xssf ? xssf.getSharedStringSource() : null;
        if (table != null) {
            for (RichTextString item : table.getSharedStringItems()) {
                int length = item.length();
                if (length > MAX_CELL_CHARS) {
                    return Optional.of("文件中有一段单元格文字有 " + length + " 个字符，超过 Excel 单元格 " + MAX_CELL_CHARS
                            + " 个字符的上限，不是 Excel 或 WPS 能保存的内容，文件未读取");
                }
            }
        }
        return Optional.empty();
    }

    /** F08 for the first cell (or meta value) that is longer than a cell can be; empty when all are within it. */
    static Optional<Finding> exceeded(RawReturn read) {
        for (Map.Entry<String, RawName> name : read.names().entrySet()) {
            RawCell cell = tooLong(name.getValue().cells());
            if (cell == null) {
                cell = tooLong(name.getValue().below());
            }
            if (cell != null) {
                int length = Math.max(cell.text().length(), cell.formula().length());
                return Optional.of(new Finding(FindingCode.F08, FindingCode.F08.severity(), read.file(), cell.sheet(), List.of(cell.ref()),
                        name.getKey(), "", "", cell.ref() + " 单元格的内容有 " + length + " 个字符，超过 Excel 单元格 " + MAX_CELL_CHARS
                        + " 个字符的上限，不是 Excel 或 WPS 能保存的内容，文件未读取。" + WorkbookReader.advice(FindingCode.F08) + "。"));
            }
        }
        return read.meta().entrySet().stream().filter(e -> e.getValue().length() > MAX_CELL_CHARS).findFirst()
                .map(e -> Finding.aboutFile(FindingCode.F08, read.file(), "下发标识（meta 工作表）中有一项内容有 "
                        + e.getValue().length() + " 个字符，超过 Excel 单元格 " + MAX_CELL_CHARS + " 个字符的上限，文件未读取。"
                        + WorkbookReader.advice(FindingCode.F08) + "。"));
    }

    /** The first of {@code cells} longer than a cell can be, or null. A loop: this runs on every cell of every return. */
    private static RawCell tooLong(List<RawCell> cells) {
        for (RawCell cell : cells) {
            if (cell.text().length() > MAX_CELL_CHARS || cell.formula().length() > MAX_CELL_CHARS) {
                return cell;
            }
        }
        return null;
    }
}
