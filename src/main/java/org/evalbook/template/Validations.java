package org.evalbook.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.evalbook.framework.Decimals;
import org.evalbook.framework.FieldDef;

/** Data validation on every input, by its type, with Chinese prompts and error texts. */
final class Validations {
    private static final Pattern DIGITS = Pattern.compile("\\[0-9]\\{(\\d+)}");
    private static final Pattern LENGTH = Pattern.compile(".*\\{(\\d+),(\\d+)}");

    private Validations() {
    }

    /** Validates the cells [firstRow..lastRow] × column as the field's type requires. */
    static void add(XSSFSheet sheet, FieldDef field, int firstRow, int lastRow, int column) {
        String cell = new CellReference(firstRow, column).formatAsString();
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String min = field.min().map(Validations::plain).orElse(null);
        String max = field.max().map(Validations::plain).orElse(null);
        Rule rule = switch (field.type()) {
            case AMOUNT -> new Rule(helper.createCustomConstraint("AND(ISNUMBER(" + cell + ")," + cell + ">=" + (min == null ? "0" : min)
                    + ",ROUND(" + cell + ",2)=" + cell + ")"),
                    "请填写金额（万元），不小于 " + (min == null ? "0" : min) + "，最多两位小数。",
                    "金额须为不小于 " + (min == null ? "0" : min) + " 的数字，最多两位小数，单位为万元（不是元）。");
            case INTEGER -> new Rule(helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    min == null ? "0" : min, max == null ? "999999999" : max),
                    "请填写整数" + range(min == null ? "0" : min, max) + "。", "此处只能填写整数" + range(min == null ? "0" : min, max) + "。");
            case NUMBER -> new Rule(helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    min == null ? "-999999999" : min, max == null ? "999999999" : max),
                    "请填写数字" + range(min, max) + "。", "此处只能填写数字" + range(min, max) + "。");
            case PERCENT -> new Rule(helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    min == null ? "0" : min, max == null ? "2" : max),
                    "请填写百分比，例如 95%（不要写成 95）。", "百分比须在 " + percent(min == null ? "0" : min) + " 到 "
                    + percent(max == null ? "2" : max) + " 之间，例如 95%。");
            case DATE -> new Rule(helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "DATE(2000,1,1)", "DATE(2100,12,31)", "yyyy-MM-dd"),
                    "请填写日期，例如 2026-01-15。", "此处只能填写 2000 年至 2100 年之间的日期，例如 2026-01-15。");
            case CHOICE -> choice(helper, field.options());
            case TEXT, LONGTEXT -> text(helper, field, cell);
        };
        addRule(sheet, rule, field.label(), firstRow, lastRow, column);
    }

    /** A self-score: a number from 0 to the indicator's weight. */
    static void score(XSSFSheet sheet, String label, BigDecimal weight, int row, int column) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String cell = new CellReference(row, column).formatAsString();
        Rule rule = new Rule(helper.createCustomConstraint("AND(ISNUMBER(" + cell + ")," + cell + ">=0," + cell + "<=" + plain(weight)
                + ",ROUND(" + cell + ",2)=" + cell + ")"),
                "自评得分：0 至 " + plain(weight) + " 分，最多两位小数。", "自评得分须在 0 到分值 " + plain(weight) + " 之间。");
        addRule(sheet, rule, label, row, row, column);
    }

    /** A choice from a fixed list (是/否, the judgement levels). */
    static void list(XSSFSheet sheet, String label, List<String> options, int row, int column) {
        list(sheet, label, options, row, row, column);
    }

    /** A choice from a fixed list on the cells [firstRow..lastRow] × column. */
    static void list(XSSFSheet sheet, String label, List<String> options, int firstRow, int lastRow, int column) {
        addRule(sheet, choice(sheet.getDataValidationHelper(), options), label, firstRow, lastRow, column);
    }

    /** Free text up to a length. */
    static void freeText(XSSFSheet sheet, String label, int maxLength, int firstRow, int lastRow, int column) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        Rule rule = new Rule(helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.LESS_OR_EQUAL,
                String.valueOf(maxLength), null), "请填写文字，不超过 " + maxLength + " 字。", "文字不能超过 " + maxLength + " 字。");
        addRule(sheet, rule, label, firstRow, lastRow, column);
    }

    private static Rule choice(DataValidationHelper helper, List<String> options) {
        return new Rule(helper.createExplicitListConstraint(options.toArray(String[]::new)),
                "请从下拉列表中选择：" + String.join("、", options) + "。", "只能选择：" + String.join("、", options) + "。");
    }

    private static Rule text(DataValidationHelper helper, FieldDef field, String cell) {
        if (field.pattern().isPresent()) {
            Matcher digits = DIGITS.matcher(field.pattern().get());
            if (digits.matches()) {
                String n = digits.group(1);
                return new Rule(helper.createCustomConstraint("AND(LEN(" + cell + ")=" + n + ",ISNUMBER(--" + cell + "))"),
                        "请填写 " + n + " 位数字代码，例如 2100799。", "须为 " + n + " 位数字。");
            }
            Matcher length = LENGTH.matcher(field.pattern().get());
            if (length.matches() && field.pattern().get().startsWith("[0-9 +-]")) {
                String phoneDigits = "SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(" + cell + ",\" \",\"\"),\"-\",\"\"),\"+\",\"\")";
                return new Rule(helper.createCustomConstraint("AND(LEN(" + cell + ")>=" + length.group(1) + ",LEN(" + cell + ")<="
                        + length.group(2) + ",ISNUMBER(--" + phoneDigits + "))"), "请填写电话号码（数字，可含空格、- 和 +）。",
                        "电话号码只能包含数字、空格、- 和 +，长度 " + length.group(1) + "–" + length.group(2) + " 个字符。");
            }
            if (length.matches()) {
                return new Rule(helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                        length.group(1), length.group(2)), "请填写 " + length.group(1) + " 至 " + length.group(2) + " 个字符。",
                        "长度须在 " + length.group(1) + " 至 " + length.group(2) + " 个字符之间。");
            }
        }
        int max = field.type() == org.evalbook.framework.FieldType.LONGTEXT ? 32000 : 500;
        return new Rule(helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.LESS_OR_EQUAL,
                String.valueOf(max), null), "请填写文字，不超过 " + max + " 字。", "文字不能超过 " + max + " 字。");
    }

    private static void addRule(XSSFSheet sheet, Rule rule, String label, int firstRow, int lastRow, int column) {
        DataValidation validation = sheet.getDataValidationHelper().createValidation(rule.constraint(),
                new CellRangeAddressList(firstRow, lastRow, column, column));
        String title = label.length() > 30 ? label.substring(0, 30) : label;
        validation.createPromptBox(title, rule.prompt());
        validation.createErrorBox("填写有误", rule.error());
        validation.setShowPromptBox(true);
        validation.setShowErrorBox(true);
        validation.setEmptyCellAllowed(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        sheet.addValidationData(validation);
    }

    private record Rule(DataValidationConstraint constraint, String prompt, String error) {
    }

    private static String range(String min, String max) {
        if (min == null && max == null) {
            return "";
        }
        if (max == null) {
            return "，不小于 " + min;
        }
        return "，" + (min == null ? "" : min + " 至 ") + max;
    }

    private static String percent(String fraction) {
        return Decimals.plain(new BigDecimal(fraction).movePointRight(2)) + "%";
    }

    static String plain(BigDecimal value) {
        return Decimals.plain(value);
    }
}
