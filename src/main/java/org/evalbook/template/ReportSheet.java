package org.evalbook.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.evalbook.framework.FieldDef;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTDataValidation;

/**
 * 自评报告: the seven sections of the narrative report, each a long-text box under its heading. The boxes read from the
 * top and are sized for about {@value #BOX_CHARACTERS} characters (Excel does not grow a merged cell as text is
 * typed; 填报说明 says to attach a Word 自评报告 for more), and a page break goes before any heading whose box would not
 * fit on the rest of the page, so a heading is never printed apart from its box.
 */
final class ReportSheet {
    static final String NAME = org.evalbook.framework.SheetKind.REPORT.fixedName().orElseThrow();
    static final int BOX_CHARACTERS = 800;
    static final String NOTE = "请按提纲逐节填写；标“必填”的章节不能空白。文中引用的金额须与基础数据表一致（系统会核对）。"
            + "每节的文本框可容纳约 " + BOX_CHARACTERS + " 字；内容较多的，框内填写要点，完整的自评报告另附 Word 文档随本表一并交回。";
    private static final int WIDTH = 6;
    private static final int COLUMN_CHARS = 16;
    private static final int FIRST_SECTION = 3;
    /** A box is two rows merged: a row is at most 409 points high in Excel, too little for a long section. */
    private static final int BOX_ROWS = 2;
    /** A heading, its box and a gap row. */
    private static final int STRIDE = 1 + BOX_ROWS + 1;
    private static final float MAX_ROW_POINTS = 409;
    /** One box: {@value #BOX_CHARACTERS} Chinese characters in four paragraphs. */
    static final float SECTION_POINTS = Grid.heightFor("中".repeat(BOX_CHARACTERS) + "\n\n\n", (WIDTH + 1) * COLUMN_CHARS);

    private final Context context;
    private final Grid grid;

    ReportSheet(Context context) {
        this.context = context;
        this.grid = new Grid(context.workbook.createSheet(NAME), context.styles);
    }

    Grid write() {
        int[] widths = new int[WIDTH + 1];
        java.util.Arrays.fill(widths, COLUMN_CHARS);
        grid.widths(widths);
        String title = context.issue.map(i -> i.unitName() + i.fiscalYear() + "年度").orElse("") + context.framework.name() + "报告";
        grid.merged(0, 0, WIDTH, title, Styles.Kind.TITLE);
        grid.height(0, 28);
        grid.merged(1, 0, WIDTH, NOTE, Styles.Kind.NOTE_WRAPPED);
        grid.fitHeight(1);
        int row = FIRST_SECTION;
        for (FieldDef section : context.framework.fields()) {
            if (!section.isReport()) {
                continue;
            }
            grid.merged(row, 0, WIDTH, section.label() + (section.required() ? "（必填）" : ""), Styles.Kind.HEADER);
            grid.height(row, 20);
            for (int r = row + 1; r <= row + BOX_ROWS; r++) {
                for (int c = 0; c <= WIDTH; c++) {
                    grid.styled(r, c, context.styles.get(Styles.Kind.INPUT_LONG));
                }
                grid.height(r, SECTION_POINTS / BOX_ROWS);
            }
            grid.sheet().addMergedRegion(new CellRangeAddress(row + 1, row + BOX_ROWS, 0, WIDTH));
            context.field(grid, row + 1, 0, section);
            row += STRIDE;
        }
        paginate(grid.sheet());
        return grid;
    }

    /**
     * Grows each box to the text it holds (never below the blank box): for workbooks written with their text, such as
     * the samples. A row is at most {@value #MAX_ROW_POINTS} points high, so a box longer than that gains rows (the
     * sections below move down, their names and validations with them); a box taller than a page continues on the
     * next one, as LibreOffice prints a merged cell. Then paginates again.
     */
    static void fitBoxes(XSSFSheet sheet) {
        Grid grid = new Grid(sheet, null);
        List<Box> boxes = boxes(sheet);
        // Bottom up: growing a box moves only the boxes below it, which are done already.
        for (int i = boxes.size() - 1; i >= 0; i--) {
            Box box = boxes.get(i);
            String text = sheet.getRow(box.first()).getCell(0).getStringCellValue();
            float needed = Math.max(SECTION_POINTS, Grid.heightFor(text, grid.columnsWidth(box.first(), 0)));
            int rows = Math.max(box.rows(), (int) Math.ceil(needed / MAX_ROW_POINTS));
            grow(sheet, box, rows - box.rows());
            for (int r = box.first(); r < box.first() + rows; r++) {
                sheet.getRow(r).setHeightInPoints(needed / rows);
            }
        }
        paginate(sheet);
    }

    /** A section as it stands on the sheet: its heading row and the rows its box spans. */
    private record Box(int heading, int first, int last) {
        int rows() {
            return last - first + 1;
        }
    }

    /** The sections' boxes, top down: the merged regions spanning more than one row. */
    private static List<Box> boxes(XSSFSheet sheet) {
        List<Box> boxes = new ArrayList<>();
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.getFirstRow() > FIRST_SECTION && merged.getLastRow() > merged.getFirstRow()) {
                boxes.add(new Box(merged.getFirstRow() - 1, merged.getFirstRow(), merged.getLastRow()));
            }
        }
        boxes.sort(Comparator.comparingInt(Box::heading));
        return boxes;
    }

    private static void grow(XSSFSheet sheet, Box box, int extra) {
        if (extra <= 0) {
            return;
        }
        for (int i = 0; i < sheet.getNumMergedRegions(); i++) {
            if (sheet.getMergedRegion(i).getFirstRow() == box.first()) {
                sheet.removeMergedRegion(i);
                break;
            }
        }
        if (box.last() < sheet.getLastRowNum()) {
            // POI moves the rows, merged regions and defined names, but not the data validations.
            sheet.shiftRows(box.last() + 1, sheet.getLastRowNum(), extra, true, false);
            shiftValidations(sheet, box.last() + 1, extra);
        }
        CellStyle style = sheet.getRow(box.first()).getCell(0).getCellStyle();
        for (int r = box.last() + 1; r <= box.last() + extra; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c <= WIDTH; c++) {
                row.createCell(c).setCellStyle(style);
            }
        }
        sheet.addMergedRegion(new CellRangeAddress(box.first(), box.last() + extra, 0, WIDTH));
    }

    private static void shiftValidations(XSSFSheet sheet, int from, int extra) {
        if (!sheet.getCTWorksheet().isSetDataValidations()) {
            return;
        }
        for (CTDataValidation validation : sheet.getCTWorksheet().getDataValidations().getDataValidationArray()) {
            List<String> shifted = new ArrayList<>();
            for (Object ref : validation.getSqref()) {
                CellRangeAddress range = CellRangeAddress.valueOf(ref.toString());
                if (range.getFirstRow() >= from) {
                    range = new CellRangeAddress(range.getFirstRow() + extra, range.getLastRow() + extra,
                            range.getFirstColumn(), range.getLastColumn());
                }
                shifted.add(range.formatAsString());
            }
            validation.setSqref(shifted);
        }
    }

    /** A row break before any heading whose box would not fit on what is left of the page. */
    static void paginate(XSSFSheet sheet) {
        PageBreaks.keep(sheet, PrintLayout.PORTRAIT.pageHeight(sheet), 0,
                boxes(sheet).stream().map(box -> new PageBreaks.Block(box.heading(), box.last())).toList());
    }

}
