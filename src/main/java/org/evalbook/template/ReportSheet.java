package org.evalbook.template;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.evalbook.framework.FieldDef;

/**
 * 自评报告: the seven sections of the narrative report, each a long-text box under its heading. The boxes read from the
 * top and are sized for about {@value #BOX_CHARACTERS} characters (Excel does not grow a merged cell as text is
 * typed; 填报说明 says to attach a Word 自评报告 for more), and a page break goes before any heading whose box would not
 * fit on the rest of the page, so a heading is never printed apart from its box.
 */
final class ReportSheet {
    static final String NAME = "自评报告";
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
            if (!section.group().equals("自评报告")) {
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
     * the samples. Then paginates again.
     */
    static void fitBoxes(XSSFSheet sheet) {
        Grid grid = new Grid(sheet, null);
        for (int heading = FIRST_SECTION; sheet.getRow(heading + 1) != null; heading += STRIDE) {
            String text = sheet.getRow(heading + 1).getCell(0).getStringCellValue();
            float needed = Math.max(SECTION_POINTS, Grid.heightFor(text, grid.columnsWidth(heading + 1, 0)));
            for (int r = heading + 1; r <= heading + BOX_ROWS; r++) {
                sheet.getRow(r).setHeightInPoints(Math.min(MAX_ROW_POINTS, needed / BOX_ROWS));
            }
        }
        paginate(sheet);
    }

    /** A row break before every heading whose box would not fit on what is left of the page. */
    static void paginate(XSSFSheet sheet) {
        for (int r : sheet.getRowBreaks()) {
            sheet.removeRowBreak(r);
        }
        float page = PrintLayout.PORTRAIT.pageHeight(sheet);
        float used = 0;
        for (int r = 0; r < FIRST_SECTION; r++) {
            used += height(sheet, r);
        }
        for (int heading = FIRST_SECTION; sheet.getRow(heading + 1) != null; heading += STRIDE) {
            float block = 0;
            for (int r = heading; r <= heading + BOX_ROWS; r++) {
                block += height(sheet, r);
            }
            if (used > 0 && used + block > page) {
                sheet.setRowBreak(heading - 1);
                used = 0;
            }
            used += block + height(sheet, heading + BOX_ROWS + 1);
        }
    }

    private static float height(XSSFSheet sheet, int row) {
        Row r = sheet.getRow(row);
        return r == null ? sheet.getDefaultRowHeightInPoints() : r.getHeightInPoints();
    }
}
