package org.evalbook.framework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the {@code sheets:} list of {@code framework.yaml} into the issued workbook's sheets, refusing a sheet evalbook
 * cannot write, a sheet the code looks for that is gone, and a table of fields.yaml that no sheet places.
 */
final class SheetsBuilder {
    static final String FILE = "framework.yaml";
    private static final String SHIPPED = "workbook-templates/" + Frameworks.DEFAULT_ID + "/framework.yaml";
    /** Written by evalbook after the listed sheets, hidden: its name is taken. */
    private static final String META = "meta";
    private static final Pattern BAD_SHEET_CHARACTERS = Pattern.compile("[\\[\\]:*?/\\\\]");

    private final Problems problems;

    SheetsBuilder(Problems problems) {
        this.problems = problems;
    }

    /** The sheets, each table's id mapped to the sheet that places it. */
    record Sheets(List<SheetDef> sheets, Map<String, String> sheetOfTable) {
    }

    Sheets build(List<RawFiles.Sheet> raw, RawFiles.Fields fields) {
        Map<String, RawFiles.Table> tables = new LinkedHashMap<>();
        FieldsBuilder.orEmpty(fields.tables()).stream().filter(t -> t.id() != null).forEach(t -> tables.put(t.id(), t));
        List<SheetDef> sheets = new ArrayList<>();
        Map<String, String> sheetOfTable = new HashMap<>();
        // The fixed names are taken whatever the order, so a table sheet named like one is the entry reported.
        List<String> taken = new ArrayList<>(List.of(META));
        Arrays.stream(SheetKind.values()).flatMap(k -> k.fixedName().stream()).forEach(taken::add);
        if (raw == null) {
            problems.add(FILE, "sheets", "缺少工作表清单", "请按 " + SHIPPED + " 列出填报表的各张工作表");
            return new Sheets(sheets, sheetOfTable);
        }
        for (RawFiles.Sheet sheet : raw) {
            String entry = "工作表 " + sheet.sheet();
            Optional<SheetKind> kind = SheetKind.of(sheet.kind());
            if (sheet.sheet() == null || kind.isEmpty()) {
                problems.add(FILE, entry, sheet.sheet() == null ? "缺少 sheet（工作表名）" : "未知的工作表类型 " + sheet.kind(),
                        "kind 只能是 " + Arrays.stream(SheetKind.values()).map(SheetKind::key).collect(Collectors.joining("、")));
                continue;
            }
            if (kind.get().fixedName().filter(n -> !n.equals(sheet.sheet())).isPresent()) {
                problems.add(FILE, entry, "类型为 " + kind.get().key() + " 的工作表须名为“" + kind.get().fixedName().get() + "”",
                        "请改回 sheet: " + kind.get().fixedName().get() + "；交回的填报表按这个名称查找它");
                continue;
            }
            if (kind.get() == SheetKind.TABLE) {
                name(sheet.sheet(), entry, taken);
            }
            List<String> placed = placed(sheet, kind.get(), entry, tables);
            placed.forEach(t -> {
                if (sheetOfTable.putIfAbsent(t, sheet.sheet()) != null) {
                    problems.add(FILE, entry, "表 " + t + " 已放在工作表“" + sheetOfTable.get(t) + "”中", "每张表只能放在一张工作表上，请删去其中一处");
                }
            });
            List<String> wide = FieldsBuilder.orEmpty(sheet.wideColumns());
            for (String column : wide) {
                boolean known = placed.stream().map(tables::get).flatMap(t -> FieldsBuilder.orEmpty(t.columns()).stream())
                        .anyMatch(c -> column.equals(c.id()));
                if (!known) {
                    problems.add(FILE, entry, "wide_columns 中的 " + column + " 不是这张工作表上的表格列",
                            "请改用 tables 所列表的列代码，或删去 wide_columns");
                }
            }
            sheets.add(new SheetDef(sheet.sheet(), kind.get(), placed, wide, sheet.note()));
        }
        for (SheetKind kind : SheetKind.values()) {
            long count = sheets.stream().filter(s -> s.kind() == kind).count();
            if (kind != SheetKind.TABLE && count != 1) {
                String name = kind.fixedName().orElseThrow();
                problems.add(FILE, "sheets", count == 0 ? "缺少工作表“" + name + "”" : "工作表“" + name + "”列了 " + count + " 次",
                        count == 0 ? "填报表必须有这张工作表，请补回 {sheet: " + name + ", kind: " + kind.key() + "}" : "请只保留一处");
            }
        }
        tables.keySet().stream().filter(t -> !sheetOfTable.containsKey(t)).forEach(t -> problems.add(FILE, "表 " + t,
                "没有工作表放置 fields.yaml 中的这张表", "请在 sheets 中加 {sheet: " + tables.get(t).label() + ", kind: table, table: " + t
                        + "}，或在基础数据表的 tables 中列出它"));
        return new Sheets(sheets, sheetOfTable);
    }

    /** The tables a sheet places: {@code table:} on a table sheet, {@code tables:} on the base data sheet. */
    private List<String> placed(RawFiles.Sheet sheet, SheetKind kind, String entry, Map<String, RawFiles.Table> tables) {
        List<String> ids = new ArrayList<>();
        if (kind == SheetKind.TABLE) {
            if (sheet.table() == null) {
                problems.add(FILE, entry, "表格工作表缺少 table", "请写明放在这张工作表上的表，如 table: proj");
            } else {
                ids.add(sheet.table());
            }
        } else if (sheet.table() != null) {
            problems.add(FILE, entry, "只有 kind: table 的工作表可以写 table", "请删去 table，或把 kind 改为 table");
        }
        if (sheet.tables() != null && kind != SheetKind.BASE_DATA) {
            problems.add(FILE, entry, "只有 kind: base_data 的工作表可以写 tables", "请删去 tables");
        } else {
            ids.addAll(FieldsBuilder.orEmpty(sheet.tables()));
        }
        if (sheet.wideColumns() != null && kind != SheetKind.BASE_DATA) {
            problems.add(FILE, entry, "只有 kind: base_data 的工作表可以写 wide_columns", "请删去 wide_columns");
        }
        List<String> known = new ArrayList<>();
        for (String id : ids) {
            if (tables.containsKey(id)) {
                known.add(id);
            } else {
                problems.add(FILE, entry, "表 " + id + " 不在 fields.yaml 中", "请改用 fields.yaml 中 tables 下的表代码："
                        + String.join("、", tables.keySet()));
            }
        }
        return known;
    }

    /** An Excel sheet name not yet used; compared as Excel does, ignoring case. */
    private void name(String sheet, String entry, List<String> taken) {
        if (sheet.isBlank() || sheet.length() > 31 || BAD_SHEET_CHARACTERS.matcher(sheet).find()
                || sheet.startsWith("'") || sheet.endsWith("'")) {
            problems.add(FILE, entry, "“" + sheet + "”不能用作 Excel 工作表名", "工作表名最多 31 个字，不能含 [ ] : * ? / \\，不能以 ' 开头或结尾");
        } else if (taken.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(sheet.toLowerCase(Locale.ROOT)))) {
            problems.add(FILE, entry, "工作表名“" + sheet + "”已被填报表的另一张工作表使用", "请另起一个工作表名");
        } else {
            taken.add(sheet);
        }
    }
}
