package org.evalbook.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.finding.Severity;

/**
 * Applies an {@link Annotation} to the file a worker has just read, opened the same way it was read (so what is copied
 * is what was checked), and returns the copy's bytes. The review sheet is added last and made the active sheet:
 * moving sheets would shift what the defined names point to in an .xls file.
 */
final class AnnotatedWorkbook {
    private final Workbook workbook;
    private final CreationHelper helper;
    private final Map<String, CellStyle> highlighted = new HashMap<>();
    private final Map<String, Drawing<?>> drawings = new HashMap<>();

    private AnnotatedWorkbook(Workbook workbook) {
        this.workbook = workbook;
        this.helper = workbook.getCreationHelper();
    }

    /** Opens {@code file} as the reader did (the zip's central directory, POI's limits), annotates it, returns the copy. */
    static byte[] copy(Path file, Annotation annotation) throws IOException {
        if (FileMagic.valueOf(file.toFile()) == FileMagic.OLE2) {
            try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
                return annotated(workbook, annotation);
            }
        }
        // Opened for writing only so that POI lets us write the copy out; revert() leaves the read file as it was.
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ_WRITE);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException unreadable) {
            throw new IOException(unreadable);
        }
        try {
            return annotated(new XSSFWorkbook(pkg), annotation);
        } finally {
            pkg.revert();
        }
    }

    private static byte[] annotated(Workbook workbook, Annotation annotation) throws IOException {
        AnnotatedWorkbook copy = new AnnotatedWorkbook(workbook);
        for (Annotation.Mark mark : annotation.marks()) {
            copy.mark(mark);
        }
        copy.review(annotation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private void mark(Annotation.Mark mark) {
        CellReference ref = new CellReference(mark.cell());
        Sheet sheet = ref.getSheetName() == null ? null : workbook.getSheet(ref.getSheetName());
        if (sheet == null) {
            return;
        }
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        cell.setCellStyle(highlight(cell.getCellStyle(), mark.severity()));
        String text = mark.comment();
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
        Comment comment = drawings.computeIfAbsent(sheet.getSheetName(), k -> sheet.createDrawingPatriarch()).createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor("财政局审核");
        cell.setCellComment(comment);
    }

    private CellStyle highlight(CellStyle original, Severity severity) {
        return highlighted.computeIfAbsent(original.getIndex() + "|" + severity, k -> {
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

    private void review(Annotation annotation) {
        Annotation.Review review = annotation.review();
        String name = review.sheet();
        for (int n = 2; workbook.getSheet(name) != null; n++) {
            name = review.sheet() + n;
        }
        new ReviewSheet(workbook, workbook.createSheet(name)).write(review);
        int index = workbook.getSheetIndex(name);
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            workbook.getSheetAt(s).setSelected(s == index);
        }
        workbook.setActiveSheet(index);
    }
}
