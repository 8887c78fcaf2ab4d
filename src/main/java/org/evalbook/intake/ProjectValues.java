package org.evalbook.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.ProjectComputed;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.TableDef;
import org.evalbook.framework.TableRow;

/**
 * Interprets a project return ({@link RawReturn#sheets()}) by the reading rules of {@link ReturnValues}: numbers
 * exactly, numbers typed as text leniently (C13), choices among their options (C24), blanks left blank, broken names
 * (F13). An indicator's 年度指标值 and 实际完成值 are text columns: their text is kept, and the number in them (95%, 100户,
 * ≥90) goes to the row's numbers too, both sides in the same scale (see {@link #sameScale}).
 */
public final class ProjectValues {
    private static final Pattern QUANTITY = Pattern.compile("[≥≤><=＞＜＝≧≦]*\\s*(.+?)\\s*([\\p{IsHan}A-Za-z/·]+)?");
    private static final BigDecimal PERCENT_POINTS = BigDecimal.valueOf(2);
    private final ProjectFramework framework;

    public ProjectValues(ProjectFramework framework) {
        this.framework = framework;
    }

    /** The unit's workbook-scoped fields (unit_code …), as a return of its own: no computed cells. */
    public ReadReturn unit(RawReturn raw) {
        ReturnValues.Interpretation out = new ReturnValues.Interpretation(raw.file());
        for (FieldDef field : framework.unitFields()) {
            RawName name = raw.names().get(field.id());
            if (name != null) {
                scalar(out, field, name);
            }
        }
        return new ReadReturn(raw, out.values.build(), out.sources, Map.of(), out.findings);
    }

    /** One project sheet of {@code raw}. */
    public ProjectSheet sheet(RawReturn raw, String sheet) {
        ReturnValues.Interpretation out = new ReturnValues.Interpretation(raw.file());
        Map<String, RawName> names = raw.sheets().getOrDefault(sheet, Map.of());
        Map<String, RawCell> computed = new LinkedHashMap<>();
        for (FieldDef field : framework.projectFields()) {
            RawName name = names.get(field.id());
            if (name != null) {
                scalar(out, field, name);
            }
        }
        for (ProjectComputed cell : ProjectComputed.values()) {
            RawName name = names.get(cell.id());
            if (!cell.column() && name != null && name.problem().isEmpty() && !name.cells().isEmpty()) {
                computed.put(cell.id(), name.cells().get(0));
            }
        }
        Map<Integer, TableRow> rows = table(out, names, framework.indicatorTable());
        RawName scores = names.get(ProjectComputed.ROW_SCORE.id());
        if (scores != null && scores.problem().isEmpty()) {
            for (int i = 0; i < scores.cells().size(); i++) {
                if (rows.containsKey(i + 1)) {
                    computed.put(ProjectComputed.ROW_SCORE.id() + "[" + (i + 1) + "]", scores.cells().get(i));
                }
            }
        }
        Map<String, String> columns = new HashMap<>();
        for (FieldDef column : framework.indicatorTable().columns()) {
            RawName name = names.get(column.id());
            if (name != null && name.problem().isEmpty() && !name.cells().isEmpty()) {
                String ref = name.cells().get(0).ref();
                columns.put(column.id(), ref.substring(ref.lastIndexOf('!') + 1).replaceAll("[0-9$]", ""));
            }
        }
        return new ProjectSheet(sheet, out.values.build(), out.sources, computed, columns, out.findings);
    }

    private void scalar(ReturnValues.Interpretation out, FieldDef field, RawName name) {
        if (!name.problem().isEmpty()) {
            out.findings.add(new Finding(FindingCode.F13, Severity.WARNING, out.file, "", List.of(), field.id(), "", "",
                    "“" + label(field) + "”（" + field.id() + "）的" + name.problem() + "，按空白处理。请使用下发的填报表，不要删除行列或工作表。"));
            return;
        }
        if (name.cells().isEmpty()) {
            return;
        }
        RawCell cell = name.cells().get(0);
        String id = field.id();
        String label = label(field);
        out.sources.put(id, new CellSource(cell.ref(), ""));
        if (cell.unreadable()) {
            out.findings.add(ReturnValues.unreadable(out.file, cell, id, label));
            return;
        }
        if (ReturnValues.isBlank(cell) || cell.type().equals("ERROR") && !field.type().isNumeric()) {
            return;
        }
        if (field.type().isNumeric()) {
            ReturnValues.number(out, id, id, cell, field.type(), label).ifPresent(v -> out.values.number(id, v));
        } else if (field.type() == FieldType.CHOICE) {
            ReturnValues.choice(out, id, cell, field.options(), label).ifPresent(v -> out.values.text(id, v));
        } else {
            out.values.text(id, ReturnValues.text(cell, field.type()));
        }
    }

    /** The indicator rows by their index, as {@code ReturnValues} reads a table (rows typed below it too, F12). */
    private Map<Integer, TableRow> table(ReturnValues.Interpretation out, Map<String, RawName> names, TableDef table) {
        Map<Integer, Map<String, BigDecimal>> numbers = new TreeMap<>();
        Map<Integer, Map<String, String>> texts = new TreeMap<>();
        Map<Integer, Map<String, Boolean>> percents = new TreeMap<>();
        List<String> belowCells = new ArrayList<>();
        for (FieldDef column : table.columns()) {
            RawName name = names.get(column.id());
            if (name == null || !name.problem().isEmpty()) {
                continue;
            }
            int firstRow = name.cells().isEmpty() ? 0 : ReturnValues.rowOf(name.cells().get(0).ref());
            name.below().forEach(b -> belowCells.add(b.ref()));
            List<RawCell> all = new ArrayList<>(name.cells());
            all.addAll(name.below());
            String label = table.label() + "·" + column.label();
            for (RawCell cell : all) {
                if (cell.unreadable()) {
                    out.findings.add(ReturnValues.unreadable(out.file, cell, column.id(), label));
                    continue;
                }
                if (cell.isBlank()) {
                    continue;
                }
                int index = ReturnValues.rowOf(cell.ref()) - firstRow + 1;
                String key = column.id() + "[" + index + "]";
                out.sources.put(key, new CellSource(cell.ref(), ""));
                if (column.type().isNumeric()) {
                    ReturnValues.number(out, key, column.id(), cell, column.type(), label)
                            .ifPresent(v -> numbers.computeIfAbsent(index, k -> new HashMap<>()).put(column.id(), v));
                    continue;
                }
                texts.computeIfAbsent(index, k -> new HashMap<>()).put(column.id(), ReturnValues.text(cell, column.type()));
                if (isQuantity(column.id())) {
                    quantity(cell).ifPresent(q -> {
                        numbers.computeIfAbsent(index, k -> new HashMap<>()).put(column.id(), q.value());
                        percents.computeIfAbsent(index, k -> new HashMap<>()).put(column.id(), q.percent());
                    });
                }
            }
        }
        TreeSet<Integer> indexes = new TreeSet<>(numbers.keySet());
        indexes.addAll(texts.keySet());
        Map<Integer, TableRow> rows = new LinkedHashMap<>();
        for (int index : indexes) {
            Map<String, BigDecimal> rowNumbers = new HashMap<>(numbers.getOrDefault(index, Map.of()));
            Map<String, String> rowTexts = texts.getOrDefault(index, Map.of());
            sameScale(rowNumbers, percents.getOrDefault(index, Map.of()), rowTexts.getOrDefault("pi_unit", ""));
            TableRow row = new TableRow(index, rowNumbers, rowTexts);
            rows.put(index, row);
            out.values.row(table.id(), row);
        }
        if (!belowCells.isEmpty()) {
            out.findings.add(new Finding(FindingCode.F12, Severity.INFO, out.file, ReturnValues.sheetOf(belowCells.get(0)), belowCells,
                    table.columns().get(0).id(), "", "", table.label() + "表格区域下方另填了数据（" + belowCells.size()
                    + " 个单元格），已作为表格的行读入。今后请在表格中间插入行，不要写在表格外。"));
        }
        return rows;
    }

    /** The label a unit sees: 年度资金总额（全年预算数） for a funds field, the line's label otherwise. */
    public static String label(FieldDef field) {
        String label = clean(field.label());
        int dot = label.indexOf('·');
        return field.period().isPresent() && dot > 0 ? label.substring(dot + 1) + "（" + label.substring(0, dot) + "）" : label;
    }

    /** Without the indent and 其中： of a funds line. */
    public static String clean(String label) {
        return label.replace("　", "").replace("其中：", "").strip();
    }

    private static boolean isQuantity(String column) {
        return column.equals("pi_target") || column.equals("pi_actual");
    }

    /** A number in an indicator value and whether it was a percentage (typed with %, or a cell shown as one). */
    record Quantity(BigDecimal value, boolean percent) {
    }

    static Optional<Quantity> quantity(RawCell cell) {
        if (cell.type().equals("NUMERIC")) {
            return Optional.of(new Quantity(new BigDecimal(cell.number()), cell.text().strip().endsWith("%")));
        }
        if (!cell.type().equals("STRING")) {
            return Optional.empty();
        }
        Matcher m = QUANTITY.matcher(cell.text().strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        // The unit after the number (户, 人次, 个月, 万元) is the row's 度量单位, not a conversion: 元 stays 元.
        return LenientNumber.parse(m.group(1)).map(n -> new Quantity(n.value(), n.unit().equals("%")));
    }

    /**
     * 年度指标值 and 实际完成值 in one scale, so that their ratio is right: once either is a percentage (95%, or a cell
     * shown as one) or the 度量单位 is %, a plain number beyond ±2 on the other side is read as percentage points (96 →
     * 0.96), the rule {@code ReturnValues} applies to percent fields; 0.95 and 95% are already the same number.
     */
    static void sameScale(Map<String, BigDecimal> numbers, Map<String, Boolean> percents, String unit) {
        boolean percent = percents.containsValue(true) || unit.strip().equals("%") || unit.strip().equals("％");
        if (!percent) {
            return;
        }
        for (String column : List.of("pi_target", "pi_actual")) {
            BigDecimal value = numbers.get(column);
            if (value != null && !percents.getOrDefault(column, false) && value.abs().compareTo(PERCENT_POINTS) > 0) {
                numbers.put(column, value.movePointLeft(2));
            }
        }
    }
}
