package org.evalbook.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.evalbook.check.CheckResult;
import org.evalbook.finding.Finding;
import org.evalbook.finding.Severity;

/**
 * The file the bureau sends back for 退回修改: a copy of the return with every problem cell highlighted and a comment
 * carrying its message, plus a 审核意见 sheet listing all findings. The unit's data is otherwise untouched, so the copy
 * reads back as the same return with the same findings. Text from units is only ever written as text.
 */
public final class AnnotatedCopy {
    public static final String SHEET = "审核意见";

    private AnnotatedCopy() {
    }

    /** Writes {@code <name>_审核意见.<ext>} into {@code dir}; returns its path. Never overwrites the return itself. */
    public static Path write(Path source, CheckResult result, Path dir) throws IOException {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path target = dir.resolve((dot > 0 ? name.substring(0, dot) : name) + "_审核意见" + (dot > 0 ? name.substring(dot) : ".xlsx"));
        if (target.toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())) {
            throw new IOException("the annotated copy would overwrite the return " + source);
        }
        Files.createDirectories(dir);
        try (InputStream in = Files.newInputStream(source); Workbook workbook = WorkbookFactory.create(in)) {
            new Annotator(workbook).annotate(result.findings());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Highlights, comments and the findings sheet for one workbook. */
    private static final class Annotator {
        private final Workbook workbook;
        private final CreationHelper helper;
        private final Map<String, CellStyle> highlighted = new HashMap<>();
        private final Map<String, Drawing<?>> drawings = new HashMap<>();

        Annotator(Workbook workbook) {
            this.workbook = workbook;
            this.helper = workbook.getCreationHelper();
        }

        void annotate(List<Finding> findings) {
            for (Finding finding : findings) {
                for (String ref : new java.util.LinkedHashSet<>(finding.cells())) {
                    mark(ref, finding);
                }
            }
            list(findings);
        }

        private void mark(String ref, Finding finding) {
            CellReference cellRef = new CellReference(ref);
            Sheet sheet = cellRef.getSheetName() == null ? null : workbook.getSheet(cellRef.getSheetName());
            if (sheet == null) {
                return;
            }
            Row row = sheet.getRow(cellRef.getRow()) == null ? sheet.createRow(cellRef.getRow()) : sheet.getRow(cellRef.getRow());
            Cell cell = row.getCell(cellRef.getCol()) == null ? row.createCell(cellRef.getCol()) : row.getCell(cellRef.getCol());
            cell.setCellStyle(highlight(cell.getCellStyle(), finding.severity()));
            String text = "[" + finding.code() + " " + finding.severity().label() + "] " + finding.message();
            Comment existing = cell.getCellComment();
            if (existing != null) {
                text = existing.getString().getString() + "\n" + text;
                cell.removeCellComment();
            }
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(cell.getColumnIndex());
            anchor.setCol2(cell.getColumnIndex() + 5);
            anchor.setRow1(cell.getRowIndex());
            anchor.setRow2(cell.getRowIndex() + 8);
            Comment comment = drawing(sheet).createCellComment(anchor);
            comment.setString(helper.createRichTextString(text));
            comment.setAuthor("财政局审核");
            cell.setCellComment(comment);
        }

        private Drawing<?> drawing(Sheet sheet) {
            return drawings.computeIfAbsent(sheet.getSheetName(), k -> sheet.createDrawingPatriarch());
        }

        private CellStyle highlight(CellStyle original, Severity severity) {
            String key = original.getIndex() + "|" + severity;
            return highlighted.computeIfAbsent(key, k -> {
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(original);
                style.setFillForegroundColor(switch (severity) {
                    case ERROR -> IndexedColors.ROSE.getIndex();
                    case WARNING -> IndexedColors.LIGHT_ORANGE.getIndex();
                    case INFO -> IndexedColors.PALE_BLUE.getIndex();
                });
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                return style;
            });
        }

        private void list(List<Finding> findings) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet != null) {
                workbook.removeSheetAt(workbook.getSheetIndex(sheet));
            }
            sheet = workbook.createSheet(SHEET);
            workbook.setSheetOrder(SHEET, 0);
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            String[] headers = {"序号", "级别", "编码", "问题", "位置", "说明及修改要求", "单位情况说明"};
            int[] widths = {6, 8, 8, 20, 24, 90, 30};
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            int r = 1;
            for (Finding finding : findings) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue(finding.severity().label());
                row.createCell(2).setCellValue(finding.code().name());
                row.createCell(3).setCellValue(finding.code().title());
                row.createCell(4).setCellValue(finding.where());
                row.createCell(5).setCellValue(finding.message());
                row.createCell(6).setCellValue(finding.explained());
                r++;
            }
            if (findings.isEmpty()) {
                sheet.createRow(1).createCell(0).setCellValue("未发现问题。");
            }
        }
    }
}
