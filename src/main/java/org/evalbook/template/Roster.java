package org.evalbook.template;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.evalbook.framework.Decimals;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;

/**
 * Reads the bureau's roster: the first sheet, a header row, one unit per row. Columns 单位代码, 单位名称, 主管部门, 联系人,
 * 邮箱, 年度; optionally 评价方案 and figure columns named by field id or Chinese label with period. 单位代码 is read as
 * text, as displayed (leading zeros kept). Every problem is collected, by row, and the roster refused as a whole.
 */
public final class Roster {
    static final List<String> REQUIRED = List.of("单位代码", "单位名称", "主管部门", "联系人", "邮箱", "年度");
    static final String PROFILE = "评价方案";
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DataFormatter FORMATTER = new DataFormatter();

    private Roster() {
    }

    public static List<RosterRow> read(Path file, Framework framework) throws IOException, RosterException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            return read(name, workbook.getSheetAt(0), framework);
        }
    }

    static List<RosterRow> read(String file, Sheet sheet, Framework framework) throws RosterException {
        List<String> problems = new ArrayList<>();
        Row header = sheet.getRow(sheet.getFirstRowNum());
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<Integer, FieldDef> figures = new HashMap<>();
        RosterHeaders headers = new RosterHeaders(framework);
        if (header == null) {
            throw new RosterException(file, List.of("第 1 行：没有表头。请在第一行写明 " + String.join("、", REQUIRED) + "。"));
        }
        for (Cell cell : header) {
            String title = text(cell);
            if (title.isEmpty()) {
                continue;
            }
            String column = "第 " + (header.getRowNum() + 1) + " 行 " + cell.getAddress().formatAsString();
            if (REQUIRED.contains(title) || title.equals(PROFILE)) {
                columns.put(title, cell.getColumnIndex());
            } else if (headers.field(title).isPresent()) {
                figures.put(cell.getColumnIndex(), headers.field(title).get());
            } else if (headers.candidates(title).size() > 1) {
                problems.add(column + "：表头“" + title + "”有歧义，可能是 " + headers.candidates(title).stream()
                        .map(f -> f.id() + "（" + f.label() + "）").toList() + "。请改用字段代码。");
            } else {
                problems.add(column + "：未知的表头“" + title + "”。请用字段代码或“期间·项目”形式（如 年初预算数·本年支出合计），"
                        + "字段代码见 evalbook fields。");
            }
        }
        REQUIRED.stream().filter(c -> !columns.containsKey(c)).forEach(c -> problems.add("表头缺少“" + c + "”列。请补上该列。"));
        List<RosterRow> rows = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        if (columns.keySet().containsAll(REQUIRED)) {
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row)) {
                    continue;
                }
                RosterRowReader reader = new RosterRowReader(row, columns, problems);
                String code = reader.value("单位代码");
                Optional<RosterRow> unit = reader.read(framework, figures);
                Integer earlier = code.isEmpty() ? null : codes.putIfAbsent(code, r + 1);
                if (earlier != null) {
                    problems.add("第 " + (r + 1) + " 行：单位代码 " + code + " 与第 " + earlier + " 行重复。每个单位只能列一次。");
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
        return rows;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return FORMATTER.formatCellValue(cell).replace('\u3000', ' ').replace('\u00a0', ' ').strip();
    }

    private static boolean isBlank(Row row) {
        for (Cell cell : row) {
            if (!text(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** One roster row's values, each problem recorded with its row and column. */
    private static final class RosterRowReader {
        private final Row row;
        private final Map<String, Integer> columns;
        private final List<String> problems;
        private final int number;

        RosterRowReader(Row row, Map<String, Integer> columns, List<String> problems) {
            this.row = row;
            this.columns = columns;
            this.problems = problems;
            this.number = row.getRowNum() + 1;
        }

        Optional<RosterRow> read(Framework framework, Map<Integer, FieldDef> figures) {
            int before = problems.size();
            String code = value("单位代码");
            String name = value("单位名称");
            String email = value("邮箱");
            String yearText = value("年度");
            if (code.isEmpty()) {
                problems.add("第 " + number + " 行：单位代码为空。请填写单位代码。");
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
            Optional<String> profile = Optional.of(value(PROFILE)).filter(p -> !p.isEmpty());
            profile.filter(p -> framework.profile(p).isEmpty()).ifPresent(p -> problems.add("第 " + number
                    + " 行：未知的评价方案“" + p + "”。可选：" + String.join("、", framework.profiles().keySet()) + "。"));
            FieldValues.Builder prefill = FieldValues.builder().text("unit_code", code).text("unit_name", name)
                    .number("fiscal_year", BigDecimal.valueOf(year));
            if (!value("主管部门").isEmpty()) {
                prefill.text("parent_dept", value("主管部门"));
            }
            figures.forEach((column, field) -> figure(row.getCell(column), field).ifPresent(v -> prefill.number(field.id(), v)));
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new RosterRow(number, code, name, value("主管部门"), value("联系人"), email, year, profile, prefill.build()));
        }

        private Optional<BigDecimal> figure(Cell cell, FieldDef field) {
            if (cell == null || text(cell).isEmpty()) {
                return Optional.empty();
            }
            BigDecimal value;
            if (cell.getCellType() == CellType.NUMERIC) {
                value = Decimals.ofDouble(cell.getNumericCellValue());
            } else {
                try {
                    value = new BigDecimal(text(cell).replace(",", ""));
                } catch (NumberFormatException notANumber) {
                    problems.add(at(cell) + "“" + text(cell) + "”不是数字（" + field.label() + "）。请填写数字，金额以万元为单位。");
                    return Optional.empty();
                }
            }
            if (value.signum() < 0) {
                problems.add(at(cell) + field.label() + " 为负数 " + value.toPlainString() + "。预填数不能为负，请改正。");
                return Optional.empty();
            }
            if (field.type() == org.evalbook.framework.FieldType.AMOUNT && value.stripTrailingZeros().scale() > 2) {
                problems.add(at(cell) + field.label() + " " + value.toPlainString() + " 超过两位小数。金额以万元为单位，保留两位小数。");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        private String at(Cell cell) {
            return "第 " + number + " 行 " + cell.getAddress().formatAsString() + "：";
        }

        private String value(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : text(row.getCell(index));
        }
    }
}
