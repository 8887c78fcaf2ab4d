package org.evalbook.report;

import java.io.PrintWriter;
import java.math.BigDecimal;
import org.evalbook.check.IndicatorScore;
import org.evalbook.check.ScoreSheet;
import org.evalbook.finding.Figures;
import org.evalbook.framework.DisplayWidth;
import org.evalbook.framework.Profile;

/** A unit's recomputed scores as the bureau reads them on the terminal: one line per indicator, then the total. */
public final class ScoreSheetText {
    private ScoreSheetText() {
    }

    public static void write(PrintWriter out, String unit, Profile profile, ScoreSheet sheet) {
        out.println(unit + " — 评价方案 " + profile.name());
        out.println("  " + pad("指标", 28) + padLeft("分值", 7) + padLeft("计算值", 10) + padLeft("得分", 8) + "  说明");
        for (IndicatorScore score : sheet.indicators()) {
            out.println("  " + pad(score.name(), 28) + padLeft(Figures.score(score.weight()), 7)
                    + padLeft(score.rate().map(Figures::percent).orElse("—"), 10)
                    + padLeft(score.score().map(Figures::score).orElse("不适用"), 8) + "  " + score.note());
        }
        String rescaled = sheet.applicableWeight().compareTo(BigDecimal.valueOf(100)) == 0 ? ""
                : "（按适用指标分值 " + Figures.score(sheet.applicableWeight()) + " 折算为百分制）";
        out.println("  规则总分 " + Figures.score(sheet.total()) + rescaled + "，等级 " + sheet.grade());
    }

    /** Pads to a terminal width in which a Chinese character takes two columns. */
    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - DisplayWidth.of(text)));
    }

    static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - DisplayWidth.of(text))) + text;
    }
}
