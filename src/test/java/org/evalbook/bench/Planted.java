package org.evalbook.bench;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.evalbook.check.IndicatorScore;
import org.evalbook.check.ScoreSheet;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.FieldValues;

/** An error put into an otherwise consistent return, and the finding that must report it. */
enum Planted {
    NONE(null),
    /** 本年收入合计 one 万元 above the sum of its parts. */
    WRONG_TOTAL(FindingCode.C01),
    /** 联系电话 left blank. */
    BLANK_REQUIRED(FindingCode.C11),
    /** A self-score that claims the full weight of an indicator that lost points (or more than the weight). */
    INFLATED_SELF_SCORE(FindingCode.C14),
    /** The report states a 本年支出合计 other than the table's. */
    REPORT_MISMATCH(FindingCode.C17),
    /** A number typed over the 规则总分 formula. */
    TYPED_OVER_FORMULA(FindingCode.C18);

    private final FindingCode code;

    Planted(FindingCode code) {
        this.code = code;
    }

    /** The finding code that must appear on the return; "-" for none. */
    String code() {
        return code == null ? "-" : code.name();
    }

    /** The cells to write over the consistent figures, by defined name. */
    Map<String, StampedTemplate.Value> overrides(FieldValues figures, ScoreSheet scores) {
        Map<String, StampedTemplate.Value> cells = new HashMap<>();
        switch (this) {
            case NONE -> { }
            case WRONG_TOTAL -> cells.put("inc_total", StampedTemplate.Value.number(figures.numbers().get("inc_total").add(BigDecimal.ONE)));
            case BLANK_REQUIRED -> cells.put("contact_phone", new StampedTemplate.Value(java.util.Optional.empty(), java.util.Optional.empty()));
            case INFLATED_SELF_SCORE -> {
                IndicatorScore inflated = scores.indicators().stream()
                        .filter(s -> s.score().isPresent() && s.score().get().compareTo(s.weight()) < 0).findFirst()
                        .orElse(scores.indicators().get(0));
                BigDecimal claimed = inflated.score().isPresent() && inflated.score().get().compareTo(inflated.weight()) < 0
                        ? inflated.weight() : inflated.weight().add(BigDecimal.ONE);
                cells.put("self_" + inflated.indicatorId(), StampedTemplate.Value.number(claimed));
            }
            case REPORT_MISMATCH -> cells.put("report_spending", StampedTemplate.Value.text("本年支出合计"
                    + figures.numbers().get("exp_total_final").add(BigDecimal.TEN).toPlainString() + "万元。"));
            case TYPED_OVER_FORMULA -> cells.put("score_total", StampedTemplate.Value.number(scores.total()));
        }
        return cells;
    }
}
