package org.evalbook.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evalbook.finding.FindingCode;
import org.evalbook.report.SummaryFacts.NamedUnits;
import org.evalbook.report.SummaryFacts.Problem;

/**
 * The facts as the summary template sees them: numbers already in the bureau's style (two decimals, 年月日), and a
 * flag for every choice of wording, so the template holds all of the words and no logic. The keys are Chinese
 * because the bureau edits the template. A nested map sets every key its template block reads, since Mustache looks
 * a missing key up in the enclosing block.
 */
final class SummaryView {
    private static final String NAME_SEPARATOR = "、";

    private SummaryView() {
    }

    static Map<String, Object> of(SummaryFacts facts, Recommendations recommendations) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("年度", facts.year().toString());
        view.put("财政局", facts.bureau());
        view.put("评价名称", facts.framework());
        facts.deadline().ifPresent(date -> view.put("截止日期", date(date)));
        view.put("下发", facts.issued());
        view.put("报送", facts.returned());
        view.put("全部按时报送", facts.onTime() == facts.issued());
        view.put("全部未报送", facts.returned() == 0);
        view.put("报送分项", returnParts(facts));
        facts.expenditure().ifPresent(e -> view.put("支出决算", Map.of("家数", e.units(), "合计", twoDecimals(e.total()),
                "全部填报", e.units() == facts.returned())));
        facts.meanScore().ifPresent(mean -> view.put("已计分", Map.of("计分家数", facts.scored(), "平均分", twoDecimals(mean),
                "等级分布", grades(facts))));
        if (facts.returned() > facts.scored()) {
            view.put("未计分", Map.of("家数", facts.returned() - facts.scored()));
        }
        if (facts.selfAssessed() > 0 && facts.selfScoreDiffers() == 0) {
            view.put("自评一致", Map.of("全部", facts.selfAssessed() == facts.scored(), "家数", facts.selfAssessed()));
        }
        if (facts.scored() > facts.selfAssessed()) {
            view.put("未自评", Map.of("家数", facts.scored() - facts.selfAssessed()));
        }
        facts.largestGap().ifPresent(gap -> view.put("自评差异", Map.of("家数", facts.selfScoreDiffers(),
                "仅一家", facts.selfScoreDiffers() == 1, "单位", gap.unit(), "自评分", twoDecimals(gap.selfTotal()),
                "复核分", twoDecimals(gap.recomputedTotal()), "差值", twoDecimals(gap.difference().abs()),
                "自评偏高", gap.difference().signum() > 0)));
        facts.yearOnYear().ifPresent(y -> view.put("上年比较", yearOnYear(y)));
        facts.projects().ifPresent(p -> view.put("项目自评", projects(p)));
        view.put("有主要问题", !facts.problems().isEmpty());
        view.put("主要问题", problems(facts.problems()));
        if (facts.resubmit().count() > 0) {
            view.put("整改", named(facts.resubmit()));
        }
        if (facts.missing().count() > 0) {
            view.put("催报", Map.of("家数", facts.missing().count()));
        }
        List<Map<String, Object>> advice = advice(facts.problems(), recommendations);
        view.put("有建议", !advice.isEmpty());
        view.put("建议", advice);
        return view;
    }

    /** 按时 / 逾期 / 未报送, only those that are not 0, the first one marked so the template puts no comma before it. */
    private static List<Map<String, Object>> returnParts(SummaryFacts facts) {
        List<Map<String, Object>> parts = new ArrayList<>();
        if (facts.onTime() > 0) {
            parts.add(part("按时", Map.of("家数", facts.onTime())));
        }
        facts.longestDelay().ifPresent(delay -> parts.add(part("逾期", Map.of("家数", facts.late(),
                "仅一家", facts.late() == 1, "单位", delay.unit(), "天数", delay.days()))));
        if (facts.missing().count() > 0) {
            parts.add(part("未报送", named(facts.missing())));
        }
        return first(parts);
    }

    private static Map<String, Object> part(String kind, Map<String, Object> values) {
        Map<String, Object> part = new LinkedHashMap<>(values);
        for (String each : List.of("按时", "逾期", "未报送")) {
            part.put(each, each.equals(kind));
        }
        return part;
    }

    /** 上升 / 下降 / 持平, only those that are not 0, and the largest change with its direction. */
    private static Map<String, Object> yearOnYear(SummaryFacts.YearOnYear y) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("可比家数", y.compared());
        view.put("有可比单位", y.compared() > 0);
        view.put("全部持平", y.compared() > 0 && y.unchanged() == y.compared());
        List<Map<String, Object>> parts = new ArrayList<>();
        if (y.rose() > 0) {
            parts.add(direction("上升", y.rose()));
        }
        if (y.fell() > 0) {
            parts.add(direction("下降", y.fell()));
        }
        if (y.unchanged() > 0) {
            parts.add(direction("持平", y.unchanged()));
        }
        view.put("升降分项", first(parts));
        y.largest().ifPresent(c -> view.put("变动最大", Map.of("单位", c.unit(), "上年分", twoDecimals(c.previous()),
                "本年分", twoDecimals(c.current()), "差值", twoDecimals(c.difference().abs()), "上升了", c.difference().signum() > 0)));
        return view;
    }

    /** The project paragraph: counts, funds with how many projects gave them, grades, self-scores, problems. */
    private static Map<String, Object> projects(ProjectFacts facts) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("家数", facts.units());
        view.put("项目数", facts.projects());
        view.put("有项目", facts.projects() > 0);
        List<Map<String, Object>> funds = new ArrayList<>();
        for (ProjectFacts.Funds f : facts.funds()) {
            funds.add(new LinkedHashMap<>(Map.of("名称", f.label(), "合计", twoDecimals(f.total()), "项目数", f.projects(),
                    "全部填报", f.projects() == facts.projects())));
        }
        view.put("有资金", !funds.isEmpty());
        view.put("资金分项", first(funds));
        facts.rate().ifPresent(r -> view.put("执行率", Map.of("比率", twoDecimals(r.value().movePointRight(2)), "项目数", r.projects(),
                "全部", r.projects() == facts.projects())));
        List<Map<String, Object>> grades = new ArrayList<>();
        facts.grades().forEach(g -> grades.add(new LinkedHashMap<>(Map.of("名称", g.grade(), "个数", g.projects()))));
        view.put("等级分布", first(grades));
        facts.largestExcess().ifPresent(e -> view.put("自评偏高", Map.of("个数", facts.selfHigher(), "最多", twoDecimals(e))));
        view.put("自评不高", facts.selfAssessed() > 0 && facts.selfHigher() == 0);
        List<Map<String, Object>> problems = new ArrayList<>();
        for (ProjectFacts.Problem problem : facts.problems()) {
            problems.add(new LinkedHashMap<>(Map.of("编号", problem.code().name(), "标题", problem.title(), "家数", problem.units(),
                    "处数", problem.findings())));
        }
        view.put("有项目问题", !problems.isEmpty());
        view.put("项目问题", first(problems));
        if (facts.resubmit() > 0) {
            view.put("项目整改", Map.of("家数", facts.resubmit()));
        }
        return view;
    }

    private static Map<String, Object> direction(String kind, int units) {
        Map<String, Object> part = new LinkedHashMap<>(Map.of("家数", units));
        for (String each : List.of("上升", "下降", "持平")) {
            part.put(each, each.equals(kind));
        }
        return part;
    }

    private static List<Map<String, Object>> grades(SummaryFacts facts) {
        List<Map<String, Object>> grades = new ArrayList<>();
        facts.grades().stream().filter(g -> g.units() > 0)
                .forEach(g -> grades.add(new LinkedHashMap<>(Map.of("名称", g.grade(), "家数", g.units()))));
        return first(grades);
    }

    private static List<Map<String, Object>> problems(List<Problem> problems) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Problem problem : problems) {
            items.add(Map.of("序号", ChineseNumerals.of(items.size() + 1), "编号", problem.code().name(),
                    "标题", problem.title(), "家数", problem.units(), "处数", problem.findings(),
                    "名单", String.join(NAME_SEPARATOR, problem.examples()),
                    "全部列出", problem.examples().size() == problem.units()));
        }
        return items;
    }

    private static List<Map<String, Object>> advice(List<Problem> problems, Recommendations recommendations) {
        Set<FindingCode> found = EnumSet.noneOf(FindingCode.class);
        problems.forEach(p -> found.add(p.code()));
        List<String> texts = recommendations.textsFor(found);
        List<Map<String, Object>> items = new ArrayList<>();
        for (String text : texts) {
            items.add(Map.of("序号", ChineseNumerals.of(items.size() + 1) + "是", "文字", text,
                    "末项", items.size() == texts.size() - 1));
        }
        return items;
    }

    private static Map<String, Object> named(NamedUnits units) {
        return Map.of("家数", units.count(), "名单", String.join(NAME_SEPARATOR, units.names()),
                "未全列出", !units.allNamed());
    }

    private static List<Map<String, Object>> first(List<Map<String, Object>> items) {
        for (int i = 0; i < items.size(); i++) {
            items.get(i).put("首项", i == 0);
        }
        return items;
    }

    private static String twoDecimals(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
