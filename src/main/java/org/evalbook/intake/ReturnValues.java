package org.evalbook.intake;

import org.evalbook.framework.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.TableDef;
import org.evalbook.framework.TableRow;

/**
 * Interprets a {@link RawReturn}: numbers exactly as decimals, numbers typed as text leniently (C13, C21) with the
 * original kept, percentages normalised, blanks left blank, table rows by position (and rows typed below a table,
 * F12), broken names (F13).
 */
public final class ReturnValues {
    private static final String NOT_APPLICABLE = "不适用";
    private static final Map<String, String> GRADE_SYNONYMS = Map.of("优秀", "优", "良好", "良", "中等", "中", "较差", "差");
    private final Framework framework;
    private final Map<String, DefinedName> contract = new HashMap<>();
    /** Each name's type, as the framework's field (else column) of that id has it: looked up per cell of every return. */
    private final Map<String, FieldType> types = new HashMap<>();
    private final List<String> judgementLevels;

    public ReturnValues(Framework framework) {
        this.framework = framework;
        FieldContract.of(framework).forEach(n -> contract.put(n.id(), n));
        contract.forEach((id, defined) -> types.put(id, framework.field(id).map(FieldDef::type).orElse(defined.type())));
        this.judgementLevels = framework.judgementLevels().stream().map(org.evalbook.framework.JudgementLevel::level).toList();
    }

    public ReadReturn interpret(RawReturn raw) {
        Interpretation out = new Interpretation(raw.file());
        Map<String, RawCell> computed = new LinkedHashMap<>();
        for (RawName name : raw.names().values()) {
            DefinedName defined = contract.get(name.name());
            if (defined == null) {
                continue;
            }
            if (!name.problem().isEmpty()) {
                out.findings.add(new Finding(FindingCode.F13, Severity.WARNING, raw.file(), "", List.of(), name.name(), "", "",
                        "“" + defined.label() + "”（" + name.name() + "）的" + name.problem() + "，按空白处理。请使用下发的填报表，不要删除行列或工作表。"));
            } else if (defined.requirement() == DefinedName.Requirement.COMPUTED) {
                computed.put(name.name(), name.cells().get(0));
            } else if (!defined.column()) {
                scalar(out, name.name(), name.cells().get(0));
            }
        }
        for (TableDef table : framework.tables()) {
            table(out, raw, table);
        }
        return new ReadReturn(raw, out.values.build(), out.sources, computed, out.findings);
    }

    private void scalar(Interpretation out, String id, RawCell cell) {
        FieldType type = types.get(id);
        out.sources.put(id, new CellSource(cell.ref(), ""));
        if (cell.unreadable()) {
            out.findings.add(unreadable(out.file, cell, id, contract.get(id).label()));
            return;
        }
        if (isBlank(cell) || cell.type().equals("ERROR") && !type.isNumeric()) {
            return;
        }
        if (type.isNumeric()) {
            number(out, id, id, cell, type, contract.get(id).label()).ifPresent(v -> out.values.number(id, v));
        } else if (type == FieldType.CHOICE) {
            choice(out, id, cell, options(id)).ifPresent(v -> out.values.text(id, v));
        } else {
            out.values.text(id, text(cell, type));
        }
    }

    private void table(Interpretation out, RawReturn raw, TableDef table) {
        Map<Integer, Map<String, BigDecimal>> numbers = new java.util.TreeMap<>();
        Map<Integer, Map<String, String>> texts = new java.util.TreeMap<>();
        List<String> belowCells = new ArrayList<>();
        for (FieldDef column : table.columns()) {
            RawName name = raw.names().get(column.id());
            if (name == null || !name.problem().isEmpty()) {
                continue;
            }
            List<RawCell> cells = new ArrayList<>(name.cells());
            int firstRow = cells.isEmpty() ? 0 : rowOf(cells.get(0).ref());
            for (RawCell below : name.below()) {
                belowCells.add(below.ref());
            }
            List<RawCell> all = new ArrayList<>(cells);
            all.addAll(name.below());
            for (RawCell cell : all) {
                if (cell.unreadable()) {
                    out.findings.add(unreadable(out.file, cell, column.id(), table.label() + "·" + column.label()));
                    continue;
                }
                if (isBlank(cell)) {
                    continue;
                }
                int index = rowOf(cell.ref()) - firstRow + 1;
                String key = column.id() + "[" + index + "]";
                out.sources.put(key, new CellSource(cell.ref(), ""));
                if (column.type().isNumeric()) {
                    number(out, key, column.id(), cell, column.type(), table.label() + "·" + column.label())
                            .ifPresent(v -> numbers.computeIfAbsent(index, k -> new HashMap<>()).put(column.id(), v));
                } else if (column.type() == FieldType.CHOICE) {
                    choice(out, key, cell, column.options()).ifPresent(v -> texts.computeIfAbsent(index, k -> new HashMap<>()).put(column.id(), v));
                } else {
                    texts.computeIfAbsent(index, k -> new HashMap<>()).put(column.id(), text(cell, column.type()));
                }
            }
        }
        java.util.TreeSet<Integer> rows = new java.util.TreeSet<>(numbers.keySet());
        rows.addAll(texts.keySet());
        for (int index : rows) {
            out.values.row(table.id(), new TableRow(index, numbers.getOrDefault(index, Map.of()), texts.getOrDefault(index, Map.of())));
        }
        if (!belowCells.isEmpty()) {
            out.findings.add(new Finding(FindingCode.F12, Severity.INFO, raw.file(), sheetOf(belowCells.get(0)), belowCells,
                    table.columns().get(0).id(), "", "", table.label() + "表格区域下方另填了数据（" + belowCells.size()
                    + " 个单元格），已作为表格的行读入。今后请在表格中间插入行，不要写在表格外。"));
        }
    }

    static Optional<BigDecimal> number(Interpretation out, String key, String id, RawCell cell, FieldType type, String label) {
        if (cell.type().equals("NUMERIC")) {
            BigDecimal value = new BigDecimal(cell.number());
            if (type == FieldType.PERCENT && value.abs().compareTo(BigDecimal.valueOf(2)) > 0) {
                BigDecimal fraction = value.movePointLeft(2);
                out.findings.add(finding(out.file, FindingCode.C21, Severity.WARNING, cell, id, Decimals.plain(fraction), cell.number(),
                        label + " 填的是 " + cell.number() + "，按百分比 " + cell.number() + "% 读作 " + Decimals.plain(fraction)
                                + "。请填写百分数（如 95%），不要填 95。"));
                return Optional.of(fraction);
            }
            return Optional.of(value);
        }
        if (cell.type().equals("STRING")) {
            Optional<LenientNumber> parsed = LenientNumber.parse(cell.text());
            if (parsed.isEmpty()) {
                out.findings.add(finding(out.file, FindingCode.C13, Severity.ERROR, cell, id, "数字", cell.text(),
                        label + " 填的是“" + cell.text() + "”，不是数字，按空白处理。请只填写数字（金额以万元为单位）。"));
                return Optional.empty();
            }
            out.sources.put(key, new CellSource(cell.ref(), cell.text()));
            BigDecimal value = parsed.get().value();
            boolean percent = parsed.get().unit().equals("%");
            if (type == FieldType.PERCENT && !percent && value.abs().compareTo(BigDecimal.valueOf(2)) > 0) {
                value = value.movePointLeft(2);
                percent = true;
            }
            String unitNote = parsed.get().unit().equals("元") ? "（按元换算为万元）" : "";
            out.findings.add(finding(out.file, percent ? FindingCode.C21 : FindingCode.C13, Severity.WARNING, cell, id, Decimals.plain(value),
                    cell.text(), label + " 以文本填写为“" + cell.text() + "”，已读作 " + Decimals.plain(value) + unitNote
                            + "。请直接填写数字，不要带单位、空格或全角字符。"));
            return Optional.of(value);
        }
        out.findings.add(finding(out.file, FindingCode.C13, Severity.ERROR, cell, id, "数字", cell.text(),
                label + " 的内容“" + cell.text() + "”不是数字，按空白处理。请填写数字。"));
        return Optional.empty();
    }

    /** The answers a choice field allows: its options, 是/否 for checklist items, the levels for judgements. */
    private List<String> options(String id) {
        if (id.startsWith("check_")) {
            return List.of("是", "否");
        }
        if (id.startsWith("level_")) {
            return judgementLevels;
        }
        return framework.field(id).map(FieldDef::options).orElse(List.of());
    }

    /** A choice among its options (C24 otherwise); a well-known synonym of a grade is read as the grade. */
    private Optional<String> choice(Interpretation out, String key, RawCell cell, List<String> options) {
        return choice(out, key, cell, options, contract.get(nameOf(key)).label());
    }

    /** As {@link #choice(Interpretation, String, RawCell, List)}, the field called {@code label}. */
    static Optional<String> choice(Interpretation out, String key, RawCell cell, List<String> options, String label) {
        String answer = text(cell, FieldType.CHOICE);
        if (options.isEmpty() || options.contains(answer)) {
            return Optional.of(answer);
        }
        String id = nameOf(key);
        String synonym = GRADE_SYNONYMS.get(answer);
        if (synonym != null && options.contains(synonym)) {
            out.findings.add(finding(out.file, FindingCode.C24, Severity.INFO, cell, id, synonym, answer,
                    label + " 填的是“" + answer + "”，按“" + synonym + "”读取。请从下拉列表选择。"));
            return Optional.of(synonym);
        }
        out.findings.add(finding(out.file, FindingCode.C24, Severity.ERROR, cell, id, String.join("/", options), answer,
                label + " 填的是“" + answer + "”，不是可选项（" + String.join("、", options) + "），按空白处理。请从下拉列表中选择。"));
        return Optional.empty();
    }

    /** Empty, spaces only, or the 不适用 the template puts in the cells of indicators the profile does not use. */
    static boolean isBlank(RawCell cell) {
        return cell.isBlank() || cell.type().equals("STRING") && NOT_APPLICABLE.equals(cell.text().strip());
    }

    static String text(RawCell cell, FieldType type) {
        if (type == FieldType.DATE && cell.type().equals("NUMERIC") && cell.dateFormat()) {
            double serial = Double.parseDouble(cell.number());
            LocalDateTime date = org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(serial);
            return LocalDate.from(date).toString();
        }
        if (cell.type().equals("NUMERIC")) {
            return Decimals.plain(new BigDecimal(cell.number()));
        }
        return cell.text().replace('\u3000', ' ').replace('\u00a0', ' ').strip();
    }

    static Finding finding(String file, FindingCode code, Severity severity, RawCell cell, String id, String expected, String actual, String message) {
        return new Finding(code, severity, file, cell.sheet(), List.of(cell.ref()), id, expected, actual, cell.ref() + " " + message);
    }

    static Finding unreadable(String file, RawCell cell, String id, String label) {
        return finding(file, FindingCode.F13, Severity.WARNING, cell, id, "", "", label
                + " 的单元格无法读取（可能被其他软件保存坏了），按空白处理，其他内容照常检查。请在下发的填报表中重新填写此格。");
    }

    /** The row of 基础数据表!B5: the digits of its cell part (without a regex: this runs for every table cell). */
    static int rowOf(String ref) {
        StringBuilder digits = new StringBuilder();
        for (int i = ref.lastIndexOf('!') + 1; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return Integer.parseInt(digits.toString());
    }

    /** The name of a key: {@code column} of {@code column[3]}, a scalar's id as it is. */
    private static String nameOf(String key) {
        int bracket = key.indexOf('[');
        return bracket < 0 ? key : key.substring(0, bracket);
    }

    static String sheetOf(String ref) {
        return ref.substring(0, ref.lastIndexOf('!'));
    }

    /** What interpreting one return collects. */
    static final class Interpretation {
        final FieldValues.Builder values = FieldValues.builder();
        final Map<String, CellSource> sources = new HashMap<>();
        final List<Finding> findings = new ArrayList<>();
        final String file;

        Interpretation(String file) {
            this.file = file;
        }
    }
}
