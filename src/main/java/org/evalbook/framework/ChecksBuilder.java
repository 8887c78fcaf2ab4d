package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evalbook.finding.FindingCode;

/** Turns {@code checks.yaml} into sum identities (periods expanded) and check parameters. */
final class ChecksBuilder {
    static final String FILE = "checks.yaml";

    private final Set<String> known = new HashSet<>();
    private final TableReferences references;
    private final Map<String, String> periods;
    private final Problems problems;

    ChecksBuilder(List<FieldDef> fields, List<TableDef> tables, Map<String, String> periods, Problems problems) {
        fields.forEach(f -> known.add(f.id()));
        tables.forEach(t -> t.columns().forEach(c -> known.add(c.id())));
        this.references = new TableReferences(fields, tables);
        this.periods = periods;
        this.problems = problems;
    }

    List<SumCheck> sums(RawFiles.Checks raw) {
        List<SumCheck> sums = new ArrayList<>();
        for (RawFiles.Sum sum : FieldsBuilder.orEmpty(raw.sums())) {
            String entry = "核对 " + sum.code() + "（" + sum.total() + "）";
            if (sum.code() == null || sum.total() == null || sum.equals() == null) {
                problems.add(FILE, entry, "缺少 code、total 或 equals", "请写明核对编号、合计字段和等式右边");
                continue;
            }
            if (!isCheckCode(sum.code())) {
                problems.add(FILE, entry, "未知的核对编号 " + sum.code(), "核对编号须是 docs/findings.md 中列出的 C 类编号，如 C01");
                continue;
            }
            List<String> expandOver = sum.periods() == null ? List.of("") : sum.periods();
            for (String period : expandOver) {
                if (!period.isEmpty() && !periods.containsKey(period)) {
                    problems.add(FILE, entry, "未知期间 " + period, "期间只能是 " + String.join("、", periods.keySet()));
                    continue;
                }
                String total = sum.total().replace("{period}", period);
                try {
                    Expression equals = ExpressionParser.parseExpression(sum.equals().replace("{period}", period));
                    Set<String> inputs = new HashSet<>(equals.inputs());
                    inputs.add(total);
                    inputs.stream().filter(id -> !known.contains(id)).sorted().forEach(id -> problems.add(FILE, entry,
                            "引用了未知字段 " + id, "请改用 fields.yaml 中已定义的字段代码"));
                    if (references.tableOf(total).isPresent()) {
                        problems.add(FILE, entry, "合计字段 " + total + " 是表格列", "total 须是基础数据表中的单个字段，表格列的合计写在 equals 中，如 sum(" + total + ")");
                    }
                    references.check(FILE, entry, equals, problems);
                    sums.add(new SumCheck(sum.code(), total, equals));
                } catch (IllegalArgumentException malformed) {
                    problems.add(FILE, entry, malformed.getMessage(), "公式写法见 indicators.yaml 开头的说明");
                }
            }
        }
        return sums;
    }

    /** A sum raises its code as a finding: it must be one of the stable C codes (F codes are about the file). */
    private static boolean isCheckCode(String code) {
        return Arrays.stream(FindingCode.values()).anyMatch(c -> c.name().equals(code) && code.startsWith("C"));
    }

    CheckParameters parameters(RawFiles.Checks raw) {
        RawFiles.Parameters p = raw.parameters();
        if (p == null || p.roundingPerTwoParts() == null || p.rateRange() == null || p.scoreTolerance() == null) {
            problems.add(FILE, "parameters", "缺少核对参数", "请写明 rounding_per_two_parts、rate_range、score_tolerance");
            return null;
        }
        return new CheckParameters(p.roundingPerTwoParts(), percent(p.rateRange().from(), "rate_range"),
                percent(p.rateRange().to(), "rate_range"), p.scoreTolerance());
    }

    List<FunctionCode> functionCodes(RawFiles.Checks raw) {
        List<FunctionCode> codes = new ArrayList<>();
        List<RawFiles.Code> listed = raw.functionCodes() == null ? List.of() : FieldsBuilder.orEmpty(raw.functionCodes().codes());
        for (RawFiles.Code code : listed) {
            if (code.code() == null || !code.code().matches("[0-9]{7}") || code.name() == null) {
                problems.add(FILE, "科目编码 " + code.code(), "科目编码应为 7 位数字并写明名称", "例如 {code: \"2100799\", name: 其他计划生育事务支出}");
                continue;
            }
            codes.add(new FunctionCode(code.code(), code.name(), code.className() == null ? "" : code.className(),
                    code.nameUntil() == null ? java.util.Map.of() : code.nameUntil(),
                    code.classUntil() == null ? java.util.Map.of() : code.classUntil()));
        }
        return codes;
    }

    NarrativeRules narrative(RawFiles.Checks raw) {
        RawFiles.Narrative n = raw.narrative();
        if (n == null) {
            return new NarrativeRules(List.of(), java.util.Map.of(), List.of());
        }
        List<NarrativeRules.Synonym> synonyms = new ArrayList<>();
        for (RawFiles.Synonym synonym : FieldsBuilder.orEmpty(n.synonyms())) {
            boolean stem = known.contains(synonym.field() + "_final") || known.contains(synonym.field());
            if (synonym.phrase() == null || !stem) {
                problems.add(FILE, "narrative 同义词 " + synonym.phrase(), "指向未知字段 " + synonym.field(), "请改用 fields.yaml 中的字段代码（分期间的写代码主干，如 exp_total）");
                continue;
            }
            synonyms.add(new NarrativeRules.Synonym(synonym.phrase(), synonym.field(), java.util.Optional.ofNullable(synonym.period())));
        }
        return new NarrativeRules(FieldsBuilder.orEmpty(n.wholeUnitWords()), n.periodWords() == null ? java.util.Map.of() : n.periodWords(), synonyms);
    }

    private BigDecimal percent(String text, String key) {
        return Percent.parse(text).orElseGet(() -> {
            problems.add(FILE, "parameters." + key, "应写成百分数，而不是 " + text, "例如 {from: 90%, to: 100%}");
            return BigDecimal.ZERO;
        });
    }
}
