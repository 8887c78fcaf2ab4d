package org.evalbook.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.Expression;
import org.evalbook.framework.DisplayWidth;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.SheetDef;
import org.evalbook.framework.SumCheck;
import org.evalbook.framework.TableDef;

/**
 * 基础数据表: the unit's figures, block by block as fields.yaml groups them. Money lines with periods form a matrix
 * (one column per period); every typed total has a live check — beside it, or for a matrix in a check row below.
 * Then the tables framework.yaml places on this sheet.
 */
final class BaseDataSheet {
    static final String NAME = org.evalbook.framework.SheetKind.BASE_DATA.fixedName().orElseThrow();
    private static final int VALUE = 1;
    private static final int CHECK = 3;
    /** The title rows, printed again on every page (see TemplateWriter). */
    private static final int REPEATED_ROWS = 3;

    private final Context context;
    private final SheetDef sheet;
    private final Grid grid;
    /** Each section's heading and last row, for {@link #paginate()}. */
    private final List<PageBreaks.Block> sections = new ArrayList<>();
    private int row;

    BaseDataSheet(Context context, SheetDef sheet) {
        this.context = context;
        this.sheet = sheet;
        this.grid = new Grid(context.workbook.createSheet(sheet.name()), context.styles);
    }

    Grid write() {
        grid.widths(labelWidth(), 16, 16, 16, 16, 16, 8);
        grid.merged(0, 0, 5, context.framework.name() + "基础数据表", Styles.Kind.TITLE);
        grid.height(0, 28);
        grid.text(1, 0, "金额单位：万元（保留两位小数）。黄色单元格由单位填写，其余为说明、预填数或公式。", Styles.Kind.NOTE);
        row = 3;
        Map<String, List<FieldDef>> groups = new LinkedHashMap<>();
        context.framework.fields().stream().filter(FieldDef::isBaseData)
                .forEach(f -> groups.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f));
        int number = 1;
        for (Map.Entry<String, List<FieldDef>> group : groups.entrySet()) {
            int heading = row;
            grid.merged(row++, 0, 5, Chinese.ordinal(number++) + "、" + group.getKey(), Styles.Kind.HEADER);
            if (group.getValue().stream().anyMatch(f -> f.period().isPresent())) {
                matrix(group.getValue());
            } else {
                singles(group.getValue());
            }
            sections.add(new PageBreaks.Block(heading, row - 1));
            row++;
        }
        for (String tableId : sheet.tables()) {
            TableDef table = context.framework.table(tableId).orElseThrow();
            int heading = row;
            grid.merged(row++, 0, 5, Chinese.ordinal(number++) + "、" + table.label(), Styles.Kind.HEADER);
            // A wide column (科目名称) goes first, in the label column that fits it; the next column (科目编码) numbers the rows.
            List<FieldDef> columns = new ArrayList<>(table.columns());
            columns.sort(java.util.Comparator.comparing(c -> !sheet.wideColumns().contains(c.id())));
            row = new TableBlock(context, grid, table, columns, TableBlock.Numbering.UNNUMBERED).write(row, 0);
            sections.add(new PageBreaks.Block(heading, row - 1));
            row++;
        }
        return grid;
    }

    /**
     * Page breaks so that no section, the 功能科目 table above all, is split over two pages when it fits on one; once
     * the rows have their final heights.
     */
    void paginate() {
        PageBreaks.keep(grid.sheet(), PrintLayout.LANDSCAPE.pageHeight(grid.sheet()), REPEATED_ROWS, sections);
    }

    /** The label column fits the longest label and the longest 科目名称 the checks know, as a CJK character is two wide. */
    private int labelWidth() {
        int longest = context.framework.fields().stream().filter(FieldDef::isBaseData).mapToInt(f -> DisplayWidth.of(f.lineLabel())).max().orElse(0);
        longest = Math.max(longest, context.framework.functionCodes().stream().mapToInt(f -> DisplayWidth.of(f.name())).max().orElse(0));
        return Math.max(30, longest + 3);
    }

    private void singles(List<FieldDef> fields) {
        for (FieldDef field : fields) {
            grid.text(row, 0, field.label(), Styles.Kind.LABEL);
            context.field(grid, row, VALUE, field);
            if (field.type() == org.evalbook.framework.FieldType.TEXT) {
                for (int c = VALUE + 1; c <= CHECK; c++) {
                    grid.styled(row, c, grid.cell(row, VALUE).getCellStyle());
                }
                grid.sheet().addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row, row, VALUE, CHECK));
            }
            if (field.type() != org.evalbook.framework.FieldType.TEXT) {
                grid.text(row, VALUE + 1, field.unit(), Styles.Kind.NOTE);
            }
            checkFor(field.id()).ifPresent(check -> context.formula(grid, row, CHECK, null,
                    context.formulas.sumCheck(check.total(), check.equals()), Styles.Kind.CHECK));
            checkFor(field.id()).ifPresent(check -> grid.merged(row, CHECK + 1, CHECK + 2, "校验：" + readable(check), Styles.Kind.NOTE_WRAPPED));
            row++;
        }
    }

    private void matrix(List<FieldDef> fields) {
        List<String> periods = context.framework.periods().keySet().stream().filter(p -> context.framework.fields().stream()
                .anyMatch(f -> f.period().filter(p::equals).isPresent())).toList();
        grid.text(row, 0, "项目", Styles.Kind.HEADER);
        for (int i = 0; i < periods.size(); i++) {
            grid.text(row, VALUE + i, context.framework.periods().get(periods.get(i)), Styles.Kind.HEADER);
        }
        row++;
        Map<String, List<FieldDef>> lines = new LinkedHashMap<>();
        fields.forEach(f -> lines.computeIfAbsent(f.stem(), k -> new ArrayList<>()).add(f));
        for (List<FieldDef> line : lines.values()) {
            grid.text(row, 0, line.get(0).lineLabel(), Styles.Kind.LABEL);
            for (int i = 0; i < periods.size(); i++) {
                String period = periods.get(i);
                Optional<FieldDef> field = line.stream().filter(f -> f.period().filter(period::equals).isPresent()).findFirst();
                if (field.isPresent()) {
                    context.field(grid, row, VALUE + i, field.get());
                } else {
                    grid.text(row, VALUE + i, "—", Styles.Kind.NOT_APPLICABLE);
                }
            }
            row++;
        }
        Map<String, List<SumCheck>> checks = new LinkedHashMap<>();
        for (FieldDef field : fields) {
            for (SumCheck check : context.framework.sums()) {
                if (check.total().equals(field.id())) {
                    checks.computeIfAbsent(check.code() + "|" + field.stem() + "|" + shape(check), k -> new ArrayList<>()).add(check);
                }
            }
        }
        for (List<SumCheck> group : checks.values()) {
            grid.text(row, 0, "校验：" + readable(group.get(0)), Styles.Kind.NOTE_WRAPPED);
            for (SumCheck check : group) {
                String period = context.framework.field(check.total()).flatMap(FieldDef::period).orElseThrow();
                context.formula(grid, row, VALUE + periods.indexOf(period), null,
                        context.formulas.sumCheck(check.total(), check.equals()), Styles.Kind.CHECK);
            }
            row++;
        }
    }

    private Optional<SumCheck> checkFor(String total) {
        return context.framework.sums().stream().filter(s -> s.total().equals(total)).findFirst();
    }

    /** A check's identity without its period, so one row gathers the same check across periods. */
    private String shape(SumCheck check) {
        return check.equals().text().replaceAll("_(prior_budget|prior|budget|adjusted|final)\\b", "");
    }

    /**
     * "本年支出合计 = 基本支出 + 项目支出（C02）": line labels when every field is of the total's period, full labels
     * (with the period) when they differ; a long sum shows its first and last parts.
     */
    private String readable(SumCheck check) {
        FieldDef total = context.framework.field(check.total()).orElseThrow();
        boolean samePeriod = check.equals().terms().stream().allMatch(t -> !(t.operand() instanceof Expression.FieldRef ref)
                || context.framework.field(ref.field()).flatMap(FieldDef::period).equals(total.period()));
        List<String> parts = new ArrayList<>();
        for (Expression.Term term : check.equals().terms()) {
            String sign = term.sign() < 0 ? " − " : parts.isEmpty() ? "" : " + ";
            if (term.operand() instanceof Expression.FieldRef ref) {
                parts.add(sign + context.framework.field(ref.field()).map(f -> samePeriod ? f.lineLabel() : f.label()).orElse(ref.field()));
            } else if (term.operand() instanceof Expression.ColumnSum sum) {
                parts.add(sign + context.framework.tableOf(sum.column()).map(t -> t.label()).orElse("") + "合计");
            }
        }
        String sum = parts.size() > 3 ? parts.get(0) + " + … " + parts.get(parts.size() - 1) : String.join("", parts);
        return ((samePeriod ? total.lineLabel() : total.label()) + " = " + sum + "（" + check.code() + "）").replace("其中：", "");
    }
}
