package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Figures;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.IndicatorLevel;
import org.evalbook.framework.JudgementLevel;
import org.evalbook.framework.Operator;
import org.evalbook.framework.OperatorKind;
import org.evalbook.framework.TableRow;

/**
 * The indicator rules of a project sheet: choices (C24), each 一级's weights (C28), the self-scores against the
 * recomputation (C14), full marks for a missed target (C16), a 定性 score outside its band (C22), lost points without a
 * reason (C15), a target set far too low (C29), and the 自评总分 and 自评等级 (C14).
 */
final class IndicatorChecks {
    private IndicatorChecks() {
    }

    /** C24: 一级 not a level of the form, 二级 not one its 一级 allows, 指标性质 not allowed, a 定性 level not a level. */
    static List<Finding> choices(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        String levels = String.join("、", c.framework.levels().stream().map(IndicatorLevel::level).toList());
        String operators = String.join("、", c.framework.operators().stream().map(Operator::symbol).toList());
        String judgements = String.join("、", c.framework.judgementLevels().stream().map(JudgementLevel::level).toList());
        for (TableRow row : c.rows()) {
            int i = row.index();
            Optional<String> level1 = row.text("pi_level1");
            Optional<IndicatorLevel> level = level1.flatMap(c.framework::level);
            if (level1.isPresent() && level.isEmpty()) {
                findings.add(choice(c, "pi_level1", i, levels, level1.get()));
            }
            Optional<String> level2 = row.text("pi_level2");
            if (level.isPresent() && level2.isPresent() && !level.get().allows(level2.get())) {
                findings.add(choice(c, "pi_level2", i, String.join("、", level.get().level2()), level2.get()));
            }
            Optional<String> op = row.text("pi_op");
            Optional<Operator> operator = op.flatMap(c.framework::operator);
            if (op.isPresent() && operator.isEmpty()) {
                findings.add(choice(c, "pi_op", i, operators, op.get()));
            }
            if (operator.map(o -> o.kind() == OperatorKind.JUDGEMENT).orElse(false)) {
                Optional<String> actual = row.text("pi_actual");
                if (actual.flatMap(c.framework::judgementLevel).isEmpty()) {
                    findings.add(c.finding(FindingCode.C24, Severity.ERROR, List.of("pi_actual[" + i + "]"), judgements, actual.orElse(""),
                            c.label("pi_actual[" + i + "]") + (actual.isEmpty() ? "为空" : "填的是“" + actual.get() + "”") + "，定性指标的实际完成值应为"
                                    + judgements + "之一，本行按 0 分复核。请从中选择。"));
                }
            }
        }
        return findings;
    }

    private static Finding choice(ProjectChecked c, String column, int index, String allowed, String written) {
        String key = column + "[" + index + "]";
        return c.finding(FindingCode.C24, Severity.ERROR, List.of(key), allowed, written, c.label(key) + "填的是“" + written
                + "”，不是可选项（" + allowed + "）。请从下拉列表中选择。");
    }

    /** C28: each 一级's weights, 不适用 rows included, add up to the profile's weight for it; a level without rows too. */
    static List<Finding> weights(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        if (c.rows().isEmpty()) {
            return findings;
        }
        for (IndicatorLevel level : c.framework.levels()) {
            BigDecimal expected = c.profile.levelWeight(level.level());
            List<String> ids = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            int rows = 0;
            for (TableRow row : c.rows()) {
                if (row.text("pi_level1").flatMap(c.framework::level).filter(level::equals).isPresent()) {
                    rows++;
                    ids.add("pi_weight[" + row.index() + "]");
                    sum = sum.add(row.number("pi_weight").orElse(BigDecimal.ZERO));
                }
            }
            if (rows == 0) {
                findings.add(c.finding(FindingCode.C28, Severity.ERROR, List.of(), Figures.score(expected), "0", "没有“" + level.level()
                        + "”的指标，评分方案给该一级指标 " + Figures.score(expected) + " 分。请补填该一级指标下的三级指标并分配分值。"));
            } else if (sum.compareTo(expected) != 0) {
                findings.add(c.finding(FindingCode.C28, Severity.ERROR, ids, Figures.score(expected), Figures.score(sum), "“" + level.level()
                        + "”下 " + rows + " 项指标的分值合计 " + Figures.score(sum) + " 分，评分方案（" + c.profile.name() + "）给该一级指标 "
                        + Figures.score(expected) + " 分。请调整各项分值使其合计为 " + Figures.score(expected) + " 分。").withValues(expected, sum));
            }
        }
        return findings;
    }

    /** C14, C16, C22, C15, C23 and C29 row by row, then the 自评总分 and 自评等级 against the recomputation. */
    static List<Finding> scores(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        BigDecimal tolerance = c.framework.scoreTolerance();
        for (IndicatorRowScore scored : c.score.rows()) {
            TableRow row = c.rows().stream().filter(r -> r.index() == scored.index()).findFirst().orElseThrow();
            String self = "pi_self[" + row.index() + "]";
            String name = "第 " + row.index() + " 行指标“" + row.text("pi_name").orElse("") + "”";
            Optional<BigDecimal> weight = row.number("pi_weight");
            Optional<BigDecimal> given = row.number("pi_self");
            if (scored.kind().isEmpty() || scored.kind().get() == OperatorKind.NOT_APPLICABLE) {
                continue;
            }
            OperatorKind kind = scored.kind().get();
            overTarget(c, row, kind).ifPresent(findings::add);
            if (!scored.problem().isEmpty() && kind == OperatorKind.JUDGEMENT) {
                // No level (C24) or no self-score (C11): nothing to hold the score to.
                continue;
            }
            if (!scored.problem().isEmpty()) {
                findings.add(c.finding(FindingCode.C23, Severity.WARNING, List.of("pi_target[" + row.index() + "]", "pi_actual[" + row.index() + "]"),
                        "", "", name + "无法按指标性质“" + row.text("pi_op").orElse("") + "”计算：" + scored.problem() + "，本行按 0 分复核。"
                                + "请在年度指标值、实际完成值中填写数值（可带单位，如 95%、100户）。"));
                continue;
            }
            if (given.isEmpty() || weight.isEmpty()) {
                continue;
            }
            BigDecimal recomputed = scored.score().orElse(BigDecimal.ZERO);
            if (given.get().compareTo(weight.get()) > 0) {
                findings.add(c.finding(FindingCode.C14, Severity.ERROR, List.of(self), "0–" + Figures.score(weight.get()),
                        Figures.score(given.get()), name + "自评 " + Figures.score(given.get()) + " 分，超过分值 " + Figures.score(weight.get())
                                + " 分。请改正。").withValues(weight.get(), given.get()));
                continue;
            }
            if (kind == OperatorKind.JUDGEMENT) {
                JudgementLevel level = c.framework.judgementLevel(row.text("pi_actual").orElse(null)).orElseThrow();
                BigDecimal low = level.low(weight.get());
                BigDecimal high = level.high(weight.get());
                if (given.get().compareTo(low) < 0 || given.get().compareTo(high) > 0) {
                    findings.add(c.finding(FindingCode.C22, Severity.ERROR, List.of(self), Figures.score(low) + "–" + Figures.score(high),
                            Figures.score(given.get()), name + "实际完成情况为“" + level.level() + "”，该档得分应在 " + Figures.score(low) + "–"
                                    + Figures.score(high) + " 分之间，实填 " + Figures.score(given.get()) + " 分。请调整得分或档次。"));
                    continue;
                }
            } else if (given.get().compareTo(weight.get()) == 0 && missed(kind, scored)) {
                findings.add(c.finding(FindingCode.C16, Severity.ERROR, List.of(self, "pi_target[" + row.index() + "]", "pi_actual[" + row.index() + "]"),
                        Figures.score(recomputed), Figures.score(given.get()), name + "自评满分 " + Figures.score(given.get()) + " 分，但"
                                + missedText(kind, scored) + "，未达到年度指标值，按规则应得 " + Figures.score(recomputed) + " 分。请按评分标准重新评分。")
                        .withValues(recomputed, given.get()));
                continue;
            } else if (given.get().subtract(recomputed).abs().compareTo(tolerance) > 0) {
                findings.add(c.finding(FindingCode.C14, Severity.ERROR, List.of(self), Figures.score(recomputed), Figures.score(given.get()),
                        name + "自评 " + Figures.score(given.get()) + " 分，按指标性质“" + row.text("pi_op").orElse("") + "”复核为 "
                                + Figures.score(recomputed) + " 分" + scored.ratio().map(r -> "（" + ratioText(kind) + " " + Figures.percent(r) + "）").orElse("")
                                + "。请核对并改正。").withValues(recomputed, given.get()));
            }
            if (given.get().compareTo(weight.get()) < 0 && row.text("pi_reason").filter(t -> !t.isBlank()).isEmpty()) {
                findings.add(c.finding(FindingCode.C15, Severity.WARNING, List.of(self), "偏差原因", "空", name + "自评 "
                        + Figures.score(given.get()) + " 分，低于分值 " + Figures.score(weight.get()) + " 分，但未填写偏差原因分析及改进措施。请写明扣分原因。"));
            }
        }
        findings.addAll(total(c));
        return findings;
    }

    private static boolean missed(OperatorKind kind, IndicatorRowScore scored) {
        return scored.ratio().map(r -> kind == OperatorKind.EQUAL ? r.signum() > 0 : r.compareTo(BigDecimal.ONE) < 0).orElse(false);
    }

    private static String missedText(OperatorKind kind, IndicatorRowScore scored) {
        BigDecimal ratio = scored.ratio().orElseThrow();
        return switch (kind) {
            case EQUAL -> "实际完成值偏离年度指标值 " + Figures.percent(ratio);
            default -> ratioText(kind) + "仅 " + Figures.percent(ratio);
        };
    }

    private static String ratioText(OperatorKind kind) {
        return switch (kind) {
            case POSITIVE -> "实际完成值 ÷ 年度指标值";
            case NEGATIVE -> "年度指标值 ÷ 实际完成值";
            default -> "偏离比例";
        };
    }

    /** C29: a ≥ indicator achieving more than over_target times its target. */
    private static Optional<Finding> overTarget(ProjectChecked c, TableRow row, OperatorKind kind) {
        Optional<BigDecimal> target = row.number("pi_target");
        Optional<BigDecimal> actual = row.number("pi_actual");
        if (kind != OperatorKind.POSITIVE || target.isEmpty() || actual.isEmpty() || target.get().signum() <= 0
                || actual.get().compareTo(target.get().multiply(c.framework.overTarget())) <= 0) {
            return Optional.empty();
        }
        int i = row.index();
        return Optional.of(c.finding(FindingCode.C29, Severity.WARNING, List.of("pi_actual[" + i + "]", "pi_target[" + i + "]"),
                row.text("pi_target").orElse(""), row.text("pi_actual").orElse(""), "第 " + i + " 行指标“" + row.text("pi_name").orElse("")
                        + "”实际完成值 " + row.text("pi_actual").orElse("") + " 超过年度指标值 " + row.text("pi_target").orElse("") + " 的 "
                        + Figures.percent(c.framework.overTarget()) + "，年度指标值可能定得过低。请在偏差原因中说明，今后据实设定指标值。"));
    }

    /** C14: 自评总分 and 自评等级 against the recomputed total and its grade. */
    private static List<Finding> total(ProjectChecked c) {
        List<Finding> findings = new ArrayList<>();
        Optional<BigDecimal> selfTotal = c.number("pj_self_total");
        if (selfTotal.isPresent() && selfTotal.get().subtract(c.score.total()).abs().compareTo(c.framework.scoreTolerance()) > 0) {
            findings.add(c.finding(FindingCode.C14, Severity.ERROR, List.of("pj_self_total"), Figures.score(c.score.total()),
                    Figures.score(selfTotal.get()), "自评总分 " + Figures.score(selfTotal.get()) + " 分，按规则复核为 " + Figures.score(c.score.total())
                            + " 分（执行率得分 " + Figures.score(c.score.executionScore()) + " 分加各项指标得分"
                            + (c.score.droppedWeight().signum() > 0 ? "，扣除不适用指标后折算为百分制" : "") + "）。请核对并改正。")
                    .withValues(c.score.total(), selfTotal.get()));
        }
        Optional<String> selfGrade = c.text("pj_self_grade");
        if (selfGrade.isPresent() && !selfGrade.get().equals(c.score.grade())) {
            findings.add(c.finding(FindingCode.C14, Severity.ERROR, List.of("pj_self_grade"), c.score.grade(), selfGrade.get(),
                    "自评等级“" + selfGrade.get() + "”，按复核总分 " + Figures.score(c.score.total()) + " 分应为“" + c.score.grade() + "”。请改正。"));
        }
        return findings;
    }
}
