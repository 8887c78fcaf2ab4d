package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the small formula language of the framework files. Errors are {@link IllegalArgumentException}s
 * with a Chinese explanation; the caller adds the file and entry.
 */
final class ExpressionParser {
    private static final Pattern IDENT = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern CALL = Pattern.compile("(sum|count)\\((.*)\\)");
    private static final Pattern COMPARISON = Pattern.compile("([a-z][a-z0-9_]*)\\s*(>=|<=|=|>|<)\\s*(\\S+)");

    private ExpressionParser() {
    }

    static Expression parseExpression(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("公式为空");
        }
        List<Expression.Term> terms = new ArrayList<>();
        int sign = 1;
        int depth = 0;
        int start = 0;
        String trimmed = text.strip();
        for (int i = 0; i <= trimmed.length(); i++) {
            char c = i < trimmed.length() ? trimmed.charAt(i) : '+';
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == '+' || c == '-')) {
                String term = trimmed.substring(start, i).strip();
                if (term.isEmpty()) {
                    if (i == 0 && c == '-') {
                        sign = -1;
                        start = i + 1;
                        continue;
                    }
                    throw new IllegalArgumentException("公式“" + text + "”中有空项");
                }
                terms.add(new Expression.Term(sign, parseOperand(term)));
                sign = c == '-' ? -1 : 1;
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("公式“" + text + "”的括号不成对");
        }
        return new Expression(trimmed, terms);
    }

    private static Expression.Operand parseOperand(String term) {
        if (IDENT.matcher(term).matches()) {
            return new Expression.FieldRef(term);
        }
        Matcher call = CALL.matcher(term);
        if (!call.matches()) {
            throw new IllegalArgumentException("无法识别“" + term + "”：应为字段代码、sum(列) 或 count(表 where 条件)");
        }
        String[] headAndCondition = call.group(2).strip().split("\\s+where\\s+", 2);
        String head = headAndCondition[0].strip();
        if (!IDENT.matcher(head).matches()) {
            throw new IllegalArgumentException("“" + term + "”中的“" + head + "”不是字段代码");
        }
        Optional<Expression.Condition> where = headAndCondition.length == 2
                ? Optional.of(parseCondition(headAndCondition[1])) : Optional.empty();
        return call.group(1).equals("sum") ? new Expression.ColumnSum(head, where) : new Expression.RowCount(head, where);
    }

    static Expression.Condition parseCondition(String text) {
        List<Expression.Comparison> comparisons = new ArrayList<>();
        for (String part : text.strip().split("\\s+and\\s+")) {
            Matcher m = COMPARISON.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("条件“" + part.strip() + "”应写成“列 = 是”“列 >= 列”或“列 > 0”");
            }
            comparisons.add(new Expression.Comparison(m.group(1), comparator(m.group(2)), value(m.group(3))));
        }
        return new Expression.Condition(comparisons);
    }

    private static Expression.Comparator comparator(String symbol) {
        for (Expression.Comparator c : Expression.Comparator.values()) {
            if (c.symbol().equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("未知比较符 " + symbol);
    }

    private static Expression.Value value(String text) {
        if (IDENT.matcher(text).matches()) {
            return new Expression.ColumnValue(text);
        }
        try {
            return new Expression.NumberValue(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return new Expression.TextValue(text);
        }
    }
}
