package org.evalbook.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldRoles;
import org.evalbook.framework.FunctionCode;
import org.evalbook.framework.TableRow;

/** C20 (on the table and columns checks.yaml names in function_codes): 科目编码 must be 7 digits, and 科目名称 the name of that code in the return's year; an unknown code is info. */
final class CodeChecks {
    /** A 项级 code: seven digits (compiled once, not for every row of every return). */
    private static final java.util.regex.Pattern ITEM_CODE = java.util.regex.Pattern.compile("[0-9]{7}");
    private CodeChecks() {
    }

    static List<Finding> run(Checked c) {
        return c.framework.roles().functionCodes().map(columns -> run(c, columns)).orElse(List.of());
    }

    private static List<Finding> run(Checked c, FieldRoles.CodeColumns columns) {
        List<Finding> findings = new ArrayList<>();
        int year = c.number("fiscal_year").map(java.math.BigDecimal::intValue).orElse(9999);
        for (TableRow row : c.read.values().rows(columns.table())) {
            Optional<String> code = row.text(columns.code()).map(String::strip);
            if (code.isEmpty()) {
                continue;
            }
            String codeId = columns.code() + "[" + row.index() + "]";
            if (!ITEM_CODE.matcher(code.get()).matches()) {
                findings.add(c.finding(FindingCode.C20, Severity.WARNING, List.of(codeId), "7 位数字", code.get(),
                        "科目编码“" + code.get() + "”不是 7 位数字的项级编码。请按支出功能分类科目填写，如 2100799。"));
                continue;
            }
            Optional<FunctionCode> known = c.framework.functionCode(code.get());
            if (known.isEmpty()) {
                findings.add(c.finding(FindingCode.C20, Severity.INFO, List.of(codeId), "", code.get(),
                        "科目编码 " + code.get() + " 不在本框架的常用科目表中，未核对其名称。"));
                continue;
            }
            String expected = known.get().nameIn(year);
            Optional<String> name = row.text(columns.name()).map(String::strip);
            if (name.isPresent() && !name.get().contains(expected)) {
                String nameId = columns.name() + "[" + row.index() + "]";
                String era = known.get().nameUntil().values().stream().anyMatch(name.get()::contains)
                        || !known.get().name().equals(expected) && name.get().contains(known.get().name())
                        ? "（这是其他年度分类中的名称）" : "";
                findings.add(c.finding(FindingCode.C20, Severity.WARNING, List.of(nameId, codeId), expected, name.get(),
                        "科目 " + code.get() + " 在 " + year + " 年的名称是“" + expected + "”，表中写的是“" + name.get() + "”" + era
                                + "。请核对科目编码和名称。"));
            }
        }
        return findings;
    }
}
