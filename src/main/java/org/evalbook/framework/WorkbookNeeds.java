package org.evalbook.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What evalbook's own code names in a framework — the fields, tables, columns and sheets the issued workbook, the
 * roster and the checks are built around — so that an edited framework missing one is refused at load with the
 * fix, rather than failing later on every workbook or every return.
 */
final class WorkbookNeeds {
    private static final String FILE = FieldsBuilder.FILE;
    private static final String SHIPPED = "workbook-templates/" + Frameworks.DEFAULT_ID + "/fields.yaml";

    /** A field the code reads or writes by id, the section of fields.yaml it must be in (empty: any group), and who. */
    private record Need(String id, Optional<FieldsBuilder.Section> section, String usedBy) {
    }

    private static final List<Need> FIELDS = List.of(
            need("unit_code", "名册、签名和身份核对"), need("unit_name", "名册、签名和身份核对"),
            need("parent_dept", "名册"), need("fiscal_year", "名册、签名和身份核对"),
            need("fill_date", "工作底稿的填报日期"),
            need("staff_actual", "核对 C09"), need("staff_authorized", "核对 C09"),
            need("exp_total_final", "核对 C10、C12"), need("exp_basic_final", "核对 C10、C12"),
            need("exp_project_final", "核对 C10、C12"), need("exp_personnel_final", "核对 C12"),
            need("exp_public_final", "核对 C12"), need("sangong_total_final", "核对 C12"),
            new Need("self_total", Optional.of(FieldsBuilder.Section.SELF), "绩效指标表的自评总分和核对 C14"),
            new Need("self_grade", Optional.of(FieldsBuilder.Section.SELF), "绩效指标表的自评等级和核对 C14"),
            new Need("score_total", Optional.of(FieldsBuilder.Section.COMPUTED), "绩效指标表的规则总分和核对 C18"),
            new Need("grade", Optional.of(FieldsBuilder.Section.COMPUTED), "绩效指标表的规则等级和核对 C18"));

    /** Each table the workbook places, the sheet it must stand on (empty: its own), and the columns the code reads. */
    private record TableNeed(String id, Optional<String> sheet, List<String> columns, String usedBy) {
    }

    private static final List<TableNeed> TABLES = List.of(
            new TableNeed("func", Optional.of("基础数据表"), List.of("func_code", "func_name", "func_final"), "基础数据表和核对 C04、C12、C20"),
            new TableNeed("proj", Optional.empty(), List.of("proj_final"), "项目支出明细工作表和核对 C05、C12"),
            new TableNeed("task", Optional.empty(), List.of(), "年度工作任务工作表"),
            new TableNeed("expl", Optional.empty(), List.of("expl_ref", "expl_text"), "情况说明工作表和警告的说明"));

    /** The sheets every issued workbook has whatever the tables; compared as Excel does, ignoring case. */
    private static final List<String> FIXED_SHEETS = List.of("填报说明", "基础数据表", "绩效指标表", "工作底稿", "自评报告", "meta");
    private static final Pattern BAD_SHEET_CHARACTERS = Pattern.compile("[\\[\\]:*?/\\\\]");

    private WorkbookNeeds() {
    }

    private static Need need(String id, String usedBy) {
        return new Need(id, Optional.empty(), usedBy);
    }

    static void check(List<FieldDef> fields, List<TableDef> tables, Problems problems) {
        for (Need need : FIELDS) {
            Optional<FieldDef> field = fields.stream().filter(f -> f.id().equals(need.id())).findFirst();
            if (field.isEmpty()) {
                problems.add(FILE, "字段 " + need.id(), "缺少该字段（" + need.usedBy() + "用到它）",
                        "请按 " + SHIPPED + " 补回该字段；字段代码是公开的约定，不能删除或改名");
            } else if (need.section().isPresent() && !field.get().group().equals(need.section().get().group())) {
                problems.add(FILE, "字段 " + need.id(), "应写在 " + need.section().get().key() + " 下",
                        "请把它移到 " + need.section().get().key() + " 下，与 " + SHIPPED + " 一致");
            }
        }
        List<String> sheets = new ArrayList<>(FIXED_SHEETS);
        for (TableNeed need : TABLES) {
            Optional<TableDef> table = tables.stream().filter(t -> t.id().equals(need.id())).findFirst();
            if (table.isEmpty()) {
                problems.add(FILE, "表 " + need.id(), "缺少该表（" + need.usedBy() + "用到它）", "请按 " + SHIPPED + " 补回该表");
                continue;
            }
            for (String column : need.columns()) {
                if (table.get().columns().stream().noneMatch(c -> c.id().equals(column))) {
                    problems.add(FILE, "表 " + need.id() + " 的列 " + column, "缺少该列（" + need.usedBy() + "用到它）",
                            "请按 " + SHIPPED + " 补回该列");
                }
            }
            sheet(table.get(), need, sheets, problems);
        }
        List<String> placed = TABLES.stream().map(TableNeed::id).toList();
        tables.stream().filter(t -> !placed.contains(t.id())).forEach(t -> problems.add(FILE, "表 " + t.id(),
                "填报表中没有这张表的位置", "表只能是 " + String.join("、", placed) + "；要增加栏目，请在已有的表中加列"));
    }

    private static void sheet(TableDef table, TableNeed need, List<String> taken, Problems problems) {
        String entry = "表 " + table.id();
        String sheet = table.sheet();
        if (need.sheet().isPresent()) {
            if (!need.sheet().get().equals(sheet)) {
                problems.add(FILE, entry, "sheet 为 " + sheet + "，但这张表写在" + need.sheet().get() + "中",
                        "请删去 sheet，或写 sheet: " + need.sheet().get());
            }
            return;
        }
        if (sheet.isBlank() || sheet.length() > 31 || BAD_SHEET_CHARACTERS.matcher(sheet).find()
                || sheet.startsWith("'") || sheet.endsWith("'")) {
            problems.add(FILE, entry, "“" + sheet + "”不能用作 Excel 工作表名", "工作表名最多 31 个字，不能含 [ ] : * ? / \\，不能以 ' 开头或结尾");
        } else if (taken.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(sheet.toLowerCase(Locale.ROOT)))) {
            problems.add(FILE, entry, "工作表名“" + sheet + "”已被填报表的另一张工作表使用", "请用 sheet: 另起一个工作表名");
        } else {
            taken.add(sheet);
        }
    }
}
