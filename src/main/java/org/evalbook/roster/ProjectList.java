package org.evalbook.roster;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.FieldValues;

/**
 * The bureau's list of each unit's projects for the project form: the sheet 项目 of an xlsx or xls roster, or a CSV
 * file of its own (for a CSV roster). Columns 单位代码, 项目名称, 年初预算数; optionally 主管部门, 实施单位, 全年预算数.
 * A project's values become the defaults of its sheet: pj_name, pj_dept (the unit's 主管部门 when the column is blank),
 * pj_unit (the unit's name when blank), pj_funds_total_initial, pj_funds_total_full. Every problem is collected and the
 * list refused as a whole, as the roster is.
 */
public final class ProjectList {
    /** The sheet of an xlsx roster that holds the project list. */
    public static final String SHEET = "项目";
    static final List<String> REQUIRED = List.of("单位代码", "项目名称", "年初预算数");
    private static final Map<String, String> OPTIONAL = Map.of("主管部门", "pj_dept", "实施单位", "pj_unit", "全年预算数", "pj_funds_total_full");

    private ProjectList() {
    }

    /**
     * The projects of each unit of {@code units}, by 单位代码 in list order: from {@code projects} when given, else from
     * the roster's sheet 项目; no entry for a unit without projects (it gets one blank project sheet).
     */
    public static Map<String, List<FieldValues>> read(Path roster, Optional<Path> projects, Roster units) throws IOException, RosterException {
        if (projects.isPresent()) {
            Path file = projects.get();
            return read(file.getFileName().toString(), "", RosterFiles.open(file), units);
        }
        Optional<RosterTable> sheet = RosterFiles.sheet(roster, SHEET);
        return sheet.isEmpty() ? Map.of() : read(roster.getFileName().toString(), "工作表“" + SHEET + "”", sheet.get(), units);
    }

    static Map<String, List<FieldValues>> read(String file, String where, RosterTable table, Roster units) throws RosterException {
        String place = where.isEmpty() ? "" : where + " ";
        List<String> problems = new ArrayList<>();
        Optional<RosterTable.Line> header = table.lines().stream().filter(l -> !l.isBlank()).findFirst();
        if (header.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        List<RosterCell> titles = header.get().cells();
        for (int c = 0; c < titles.size(); c++) {
            String title = RosterHeaders.normalise(titles.get(c).text());
            if ((REQUIRED.contains(title) || OPTIONAL.containsKey(title)) && columns.putIfAbsent(title, c) != null) {
                problems.add(place + "第 " + header.get().number() + " 行 " + titles.get(c).address() + "：“" + title + "”列重复。请删去其中一列。");
            }
        }
        REQUIRED.stream().filter(c -> !columns.containsKey(c))
                .forEach(c -> problems.add(place + "表头缺少“" + c + "”列。项目清单的表头应为 " + String.join("、", REQUIRED) + "（可加 主管部门、实施单位、全年预算数）。"));
        if (!problems.isEmpty()) {
            throw new RosterException(file, problems);
        }
        Map<String, RosterRow> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.unitCode(), u));
        Map<String, List<FieldValues>> projects = new LinkedHashMap<>();
        for (RosterTable.Line line : table.lines()) {
            if (line.number() <= header.get().number() || line.isBlank()) {
                continue;
            }
            String at = place + "第 " + line.number() + " 行 ";
            RosterCell codeCell = line.cell(columns.get("单位代码"));
            RosterCell nameCell = line.cell(columns.get("项目名称"));
            int before = problems.size();
            RosterRow unit = byCode.get(codeCell.text());
            if (unit == null) {
                problems.add(at + codeCell.address() + "：单位代码“" + codeCell.text() + "”不在名册中。请核对单位代码（须与名册中的一致，"
                        + "以文本格式输入，保留开头的 0）。");
            }
            if (nameCell.isBlank()) {
                problems.add(at + nameCell.address() + "：项目名称为空。请填写项目名称，或删去这一行。");
            }
            FieldValues.Builder values = FieldValues.builder().text("pj_name", nameCell.text());
            amount(line.cell(columns.get("年初预算数")), "年初预算数", at, problems).ifPresent(v -> values.number("pj_funds_total_initial", v));
            Optional.ofNullable(columns.get("全年预算数")).flatMap(c -> amount(line.cell(c), "全年预算数", at, problems))
                    .ifPresent(v -> values.number("pj_funds_total_full", v));
            if (unit != null) {
                String dept = text(line, columns.get("主管部门")).orElse(unit.parentDept());
                if (!dept.isEmpty()) {
                    values.text("pj_dept", dept);
                }
                values.text("pj_unit", text(line, columns.get("实施单位")).orElse(unit.unitName()));
            }
            if (problems.size() == before) {
                projects.computeIfAbsent(unit.unitCode(), k -> new ArrayList<>()).add(values.build());
            }
        }
        if (!problems.isEmpty()) {
            throw new RosterException(file, problems);
        }
        return projects;
    }

    private static Optional<String> text(RosterTable.Line line, Integer column) {
        return column == null ? Optional.empty() : Optional.of(line.cell(column).text()).filter(t -> !t.isEmpty());
    }

    /** An amount in 万元: blank is no prefill; text that is not a number, a negative or more than two decimals is a problem. */
    private static Optional<BigDecimal> amount(RosterCell cell, String label, String at, List<String> problems) {
        if (cell.isBlank()) {
            return Optional.empty();
        }
        BigDecimal value;
        try {
            value = cell.number().orElseGet(() -> new BigDecimal(cell.text().replace(",", "")));
        } catch (NumberFormatException notANumber) {
            problems.add(at + cell.address() + "：“" + cell.text() + "”不是数字（" + label + "）。请填写金额，以万元为单位，如 15.40。");
            return Optional.empty();
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            problems.add(at + cell.address() + "：" + label + " " + value.toPlainString() + " 不是有效金额。请填写不小于 0、最多两位小数的万元数。");
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
