package org.evalbook.roster;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Sheet;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.ProjectFramework;

/**
 * The bureau's roster: the first sheet of an xlsx or xls, or a CSV file; a header row, one unit per row. Columns
 * 单位代码, 单位名称, 主管部门, 联系人, 邮箱, 年度; optionally 评价方案 and figure columns named by field id or Chinese
 * label with period. 单位代码 must be text, as displayed (a code typed as a number has lost its leading zeros).
 * Every problem is collected, by row, and the roster refused as a whole; other columns (备注) are ignored, with a note.
 *
 * @param units the units, in roster order
 * @param notes what was ignored, for the command to print
 */
public record Roster(List<RosterRow> units, List<String> notes) implements Iterable<RosterRow> {
    static final List<String> REQUIRED = List.of("单位代码", "单位名称", "主管部门", "联系人", "邮箱", "年度");
    static final String PROFILE = "评价方案";
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Roster {
        units = List.copyOf(units);
        notes = List.copyOf(notes);
    }

    @Override
    public Iterator<RosterRow> iterator() {
        return units.iterator();
    }

    /** Reads and checks the roster in {@code file}; refused as a whole when anything is wrong. */
    public static Roster read(Path file, Framework framework) throws IOException, RosterException {
        return read(file.getFileName().toString(), RosterFiles.open(file), framework);
    }

    static Roster read(String file, Sheet sheet, Framework framework) throws RosterException {
        return read(file, RosterFiles.table(sheet), framework);
    }

    /**
     * Reads the units of a roster for the project form (项目支出绩效自评): the same columns and checks, no figure columns
     * (a project's figures come from the project list, {@link ProjectList}).
     */
    public static Roster read(Path file, ProjectFramework framework) throws IOException, RosterException {
        return read(file.getFileName().toString(), RosterFiles.open(file), new RosterHeaders(framework.periods(), List.of()), null);
    }

    static Roster read(String file, RosterTable table, Framework framework) throws RosterException {
        return read(file, table, new RosterHeaders(framework), framework.profiles().keySet());
    }

    /**
     * @param profiles the profiles a row's 评价方案 may name; null when the roster is read for the project form: the
     *                 one roster serves both forms, so its 评价方案 and pre-filled figures (which are the 部门整体支出
     *                 form's) are set aside with a note, and the project form is scored under {@code --profile}
     */
    private static Roster read(String file, RosterTable table, RosterHeaders headers, java.util.Set<String> profiles) throws RosterException {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<RosterTable.Line> header = table.lines().stream().filter(l -> !l.isBlank()).findFirst();
        if (header.isEmpty()) {
            throw new RosterException(file, List.of("第 1 行：没有表头。请在第一行写明 " + String.join("、", REQUIRED) + "。"));
        }
        RosterColumns columns = RosterColumns.of(file, header.get(), headers, profiles == null, problems, notes);
        List<RosterRow> rows = new ArrayList<>();
        if (columns.complete()) {
            Map<String, Integer> codes = new HashMap<>();
            for (RosterTable.Line line : table.lines()) {
                if (line.number() <= header.get().number() || line.isBlank()) {
                    continue;
                }
                RosterRowReader reader = new RosterRowReader(line, columns.named(), problems);
                Optional<RosterRow> unit = reader.read(profiles, columns.figures());
                String code = reader.value("单位代码");
                Integer earlier = code.isEmpty() ? null : codes.putIfAbsent(code, line.number());
                if (earlier != null) {
                    problems.add("第 " + line.number() + " 行：单位代码 " + code + " 与第 " + earlier + " 行重复。每个单位只能列一次。");
                }
                unit.ifPresent(rows::add);
            }
            if (rows.isEmpty() && problems.isEmpty()) {
                problems.add("名册中没有单位。请在表头下逐行填写单位。");
            }
        }
        if (!problems.isEmpty()) {
            throw new RosterException(file, problems);
        }
        return new Roster(rows, notes);
    }

    /** One roster row's values, each problem recorded with its row and column. */
    private static final class RosterRowReader {
        private final RosterTable.Line line;
        private final Map<String, Integer> columns;
        private final List<String> problems;
        private final int number;

        RosterRowReader(RosterTable.Line line, Map<String, Integer> columns, List<String> problems) {
            this.line = line;
            this.columns = columns;
            this.problems = problems;
            this.number = line.number();
        }

        Optional<RosterRow> read(java.util.Set<String> profiles, Map<Integer, FieldDef> figures) {
            int before = problems.size();
            RosterCell codeCell = line.cell(columns.get("单位代码"));
            String code = codeCell.text();
            String name = value("单位名称");
            String email = value("邮箱");
            String yearText = value("年度");
            if (code.isEmpty()) {
                problems.add("第 " + number + " 行：单位代码为空。请填写单位代码。");
            } else if (codeCell.isNumeric()) {
                problems.add(at(codeCell) + "单位代码 " + code + " 是以数字形式输入的，开头的 0 已经丢失，无法从文件中恢复。"
                        + "请把“单位代码”整列设置为文本格式，再重新输入各单位代码。");
            }
            if (name.isEmpty()) {
                problems.add("第 " + number + " 行：单位名称为空。请填写单位名称。");
            }
            if (!EMAIL.matcher(email).matches()) {
                problems.add("第 " + number + " 行：邮箱“" + email + "”格式不对。请填写如 name@example.cn 的邮箱地址。");
            }
            int year = 0;
            try {
                year = Integer.parseInt(yearText.replaceAll("年$", ""));
                if (year < FIRST_YEAR || year > LAST_YEAR) {
                    problems.add("第 " + number + " 行：年度 " + yearText + " 不在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间。请填写四位年份，如 2022。");
                }
            } catch (NumberFormatException notAYear) {
                problems.add("第 " + number + " 行：年度“" + yearText + "”不是年份。请填写四位年份，如 2022。");
            }
            Optional<String> profile = Optional.of(value(PROFILE)).filter(p -> !p.isEmpty() && profiles != null);
            profile.filter(p -> !profiles.contains(p)).ifPresent(p -> problems.add("第 " + number
                    + " 行：未知的评价方案“" + p + "”。可选：" + String.join("、", profiles) + "。"));
            FieldValues.Builder prefill = FieldValues.builder().text("unit_code", code).text("unit_name", name)
                    .number("fiscal_year", BigDecimal.valueOf(year));
            if (!value("主管部门").isEmpty()) {
                prefill.text("parent_dept", value("主管部门"));
            }
            if (!value("联系人").isEmpty()) {
                prefill.text("contact_name", value("联系人"));
            }
            figures.forEach((column, field) -> figure(line.cell(column), field).ifPresent(v -> prefill.number(field.id(), v)));
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new RosterRow(number, code, name, value("主管部门"), value("联系人"), email, year, profile, prefill.build()));
        }

        private Optional<BigDecimal> figure(RosterCell cell, FieldDef field) {
            if (cell.isBlank()) {
                return Optional.empty();
            }
            BigDecimal value;
            if (cell.isNumeric()) {
                value = cell.number().get();
            } else {
                try {
                    value = new BigDecimal(cell.text().replace(",", ""));
                } catch (NumberFormatException notANumber) {
                    problems.add(at(cell) + "“" + cell.text() + "”不是数字（" + field.label() + "）。请填写数字，金额以万元为单位。");
                    return Optional.empty();
                }
            }
            if (value.signum() < 0) {
                problems.add(at(cell) + field.label() + " 为负数 " + value.toPlainString() + "。预填数不能为负，请改正。");
                return Optional.empty();
            }
            if (field.type() == FieldType.AMOUNT && value.stripTrailingZeros().scale() > 2) {
                problems.add(at(cell) + field.label() + " " + value.toPlainString() + " 超过两位小数。金额以万元为单位，保留两位小数。");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        private String at(RosterCell cell) {
            return "第 " + number + " 行 " + cell.address() + "：";
        }

        private String value(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : line.cell(index).text();
        }
    }
}
