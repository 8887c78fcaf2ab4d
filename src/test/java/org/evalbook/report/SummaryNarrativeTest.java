package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalbook.finding.FindingCode;
import org.evalbook.report.SummaryFacts.Delay;
import org.evalbook.report.SummaryFacts.Expenditure;
import org.evalbook.report.SummaryFacts.GradeCount;
import org.evalbook.report.SummaryFacts.NamedUnits;
import org.evalbook.report.SummaryFacts.Problem;
import org.evalbook.report.SummaryFacts.ScoreGap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryNarrativeTest {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern FINDING_CODE = Pattern.compile("[CF]\\d{2}");

    /** 12 units issued, 9 on time, 1 late, 2 missing; 10 scored; four kinds of problem; 7 to resubmit. */
    static SummaryFacts typical() {
        return new SummaryFacts(Year.of(2023), "衡阳市珠晖区财政局", "部门整体支出绩效评价",
                Optional.of(LocalDate.of(2024, 3, 31)), 12, 9, 1, Optional.of(new Delay("珠晖区卫生健康局", 3)),
                new NamedUnits(2, List.of("珠晖区计划生育协会", "珠晖区妇女联合会")),
                Optional.of(new Expenditure(new BigDecimal("3456.78"), 10)), grades(3, 4, 2, 1),
                Optional.of(new BigDecimal("82.456")), 10, 6,
                Optional.of(new ScoreGap("珠晖区教育局", new BigDecimal("95"), new BigDecimal("81.5"))),
                List.of(new Problem(FindingCode.C17, 5, 8, List.of("珠晖区教育局", "珠晖区民政局")),
                        new Problem(FindingCode.C01, 3, 4, List.of("珠晖区司法局", "珠晖区文化旅游体育局", "珠晖区农业农村局")),
                        new Problem(FindingCode.C14, 2, 2, List.of("珠晖区教育局")),
                        new Problem(FindingCode.C11, 1, 3, List.of("珠晖区民政局"))),
                new NamedUnits(7, List.of("珠晖区教育局", "珠晖区民政局", "珠晖区司法局")), Optional.empty());
    }

    private static List<GradeCount> grades(int excellent, int good, int fair, int poor) {
        return List.of(new GradeCount("优", excellent), new GradeCount("良", good), new GradeCount("中", fair),
                new GradeCount("差", poor));
    }

    @Test
    void typicalBatchReadsAsTheBureauWouldWriteIt() {
        String text = SummaryNarrative.render(typical());
        System.out.println("---- 综述（典型批次）----\n" + text + "----");

        assertThat(text.lines()).containsExactly(
                "2023年度部门整体支出绩效评价自评情况综述",
                "一、总体情况",
                "按照预算绩效管理工作要求，衡阳市珠晖区财政局组织开展了2023年度部门整体支出绩效评价单位自评工作，报送截止日期为2024年3月31日。"
                        + "本次共向12家单位下发自评填报表，按时报送9家，逾期报送1家（珠晖区卫生健康局，逾期3天），"
                        + "未报送2家（珠晖区计划生育协会、珠晖区妇女联合会）。已报送的10家单位本年支出决算合计3456.78万元。",
                "二、评价结果",
                "我局对已报送的自评填报表逐项复核，按评分标准重新计算各项指标得分和评价等级。完成复核计分的10家单位平均得分82.46分，"
                        + "其中评为“优”的3家、“良”的4家、“中”的2家、“差”的1家。",
                "单位自评得分与复核得分不一致的有6家，其中差异最大的是珠晖区教育局，自评95.00分，复核81.50分，自评高出复核13.50分。",
                "三、主要问题",
                "复核发现的主要问题如下：",
                "（一）报告文字与表格数据不符（C17）。涉及5家单位、共8处，如珠晖区教育局、珠晖区民政局等。",
                "（二）收入合计不等于各项收入之和（C01）。涉及3家单位、共4处（珠晖区司法局、珠晖区文化旅游体育局、珠晖区农业农村局）。",
                "（三）自评得分有误（C14）。涉及2家单位、共2处，如珠晖区教育局等。",
                "（四）必填项为空（C11）。涉及1家单位、共3处（珠晖区民政局）。",
                "四、整改要求",
                "经复核，有7家单位的自评填报表存在错误（珠晖区教育局、珠晖区民政局、珠晖区司法局等）。"
                        + "请上述单位对照审核意见逐项核实修改，经单位负责人审核后重新报送。",
                "请未报送的2家单位抓紧完成自评，尽快报送自评填报表。",
                "五、工作建议",
                "针对上述问题，建议各单位：一是加强决算数据核对，填报前将收入、支出、结转结余各项合计与明细逐项核对，确保与部门决算报表一致；"
                        + "二是确保报告文字与报表数据一致，自评报告中引用的金额应取自填报表，定稿前逐项对照；"
                        + "三是严格按评分标准自评，逐项计算得分，扣分须说明原因，定性指标得分应与所选档次相符；"
                        + "四是完整填报，必填项不得留空，确无数据的应在情况说明中注明原因。");
    }

    @Test
    void typicalBatchStatesEveryNumberOfItsFactsAndNoOther() {
        SummaryFacts facts = typical();
        // Stated as they are: the year, the deadline's 年/月/日, counts, 万元 and scores at two decimals.
        Set<String> stated = new TreeSet<>(List.of("2023", "2024", "3", "31", "12", "9", "1", "3", "2", "3456.78",
                "10", "4", "82.46", "6", "95.00", "81.50", "5", "8", "7"));
        // Derived and stated too: units returned (10) and the gap 95.00 − 81.50.
        Set<String> derived = Set.of(String.valueOf(facts.returned()), "13.50");

        Set<String> found = numbersIn(SummaryNarrative.render(facts));

        assertThat(found).containsAll(stated).containsAll(derived);
        Set<String> allowed = new TreeSet<>(stated);
        allowed.addAll(derived);
        assertThat(allowed).containsAll(found);
    }

    @Test
    void allCleanBatchSaysSoWithoutEmptyListsOrZeroCounts() {
        SummaryFacts clean = new SummaryFacts(Year.of(2023), "衡阳市珠晖区财政局", "部门整体支出绩效评价",
                Optional.of(LocalDate.of(2024, 3, 31)), 3, 3, 0, Optional.empty(), NamedUnits.none(),
                Optional.of(new Expenditure(new BigDecimal("512.3"), 3)), grades(2, 1, 0, 0),
                Optional.of(new BigDecimal("91.2")), 3, 0, Optional.empty(), List.of(), NamedUnits.none(), Optional.empty());

        String text = SummaryNarrative.render(clean);

        assertThat(text).contains("本次共向3家单位下发自评填报表，各单位均已按时报送。已报送的3家单位本年支出决算合计512.30万元。",
                "完成复核计分的3家单位平均得分91.20分，其中评为“优”的2家、“良”的1家。",
                "各单位自评得分与复核得分一致。",
                "三、主要问题\n复核未发现需要整改的问题，各单位填报数据与自评结果总体规范、准确。\n四、整改要求\n"
                        + "各单位自评填报表经复核未发现错误，无需重新报送。\n五、工作建议\n"
                        + "建议各单位继续做好决算数据核对和绩效自评工作，确保自评结果真实、准确、完整。\n");
        assertThat(text).doesNotContain("0家", "（）", "未报送", "逾期", "不一致", "“中”", "“差”");
        assertThat(numbersIn(text)).containsExactlyInAnyOrder("2023", "2024", "3", "31", "512.30", "91.20", "2", "1");
    }

    @Test
    void unitsWithoutASelfAssessedTotalAreNotCountedAsAgreeing() {
        SummaryFacts facts = new SummaryFacts(Year.of(2023), "衡阳市珠晖区财政局", "部门整体支出绩效评价",
                Optional.of(LocalDate.of(2024, 3, 31)), 3, 3, 0, Optional.empty(), NamedUnits.none(),
                Optional.of(new Expenditure(new BigDecimal("512.3"), 3)), grades(2, 1, 0, 0),
                Optional.of(new BigDecimal("91.2")), 1, 0, Optional.empty(), List.of(), NamedUnits.none(), Optional.empty());

        String text = SummaryNarrative.render(facts);

        assertThat(text).contains("填报了自评总分的1家单位，自评得分与复核得分一致。另有2家单位未填自评总分，未作比较。")
                .doesNotContain("各单位自评得分与复核得分一致");
    }

    @Test
    void emptyBatchSaysNothingWasReturnedAndHasNoResultsYet() {
        SummaryFacts empty = new SummaryFacts(Year.of(2023), "衡阳市珠晖区财政局", "部门整体支出绩效评价", Optional.empty(),
                12, 0, 0, Optional.empty(), new NamedUnits(12, List.of("甲单位", "乙单位", "丙单位")), Optional.empty(),
                grades(0, 0, 0, 0), Optional.empty(), 0, 0, Optional.empty(), List.of(), NamedUnits.none(), Optional.empty());

        String text = SummaryNarrative.render(empty);

        assertThat(text).isEqualTo("""
                2023年度部门整体支出绩效评价自评情况综述
                一、总体情况
                按照预算绩效管理工作要求，衡阳市珠晖区财政局组织开展了2023年度部门整体支出绩效评价单位自评工作。本次共向12家单位下发自评填报表，截至目前各单位均未报送。
                二、评价结果
                因尚无单位报送自评填报表，暂无评价结果。
                三、主要问题
                尚无可复核的自评填报表。
                四、整改要求
                请未报送的12家单位抓紧完成自评，尽快报送自评填报表。
                五、工作建议
                建议各单位继续做好决算数据核对和绩效自评工作，确保自评结果真实、准确、完整。
                """);
    }

    @Test
    void oneOfEachAndTruncatedListsAreWordedForTheirCount() {
        SummaryFacts facts = new SummaryFacts(Year.of(2022), "衡阳市珠晖区财政局", "部门整体支出绩效评价",
                Optional.of(LocalDate.of(2023, 4, 10)), 10, 0, 4, Optional.of(new Delay("丙单位", 12)),
                new NamedUnits(6, List.of("甲单位", "乙单位")), Optional.of(new Expenditure(new BigDecimal("78.625"), 2)),
                grades(0, 0, 3, 0), Optional.of(new BigDecimal("65")), 3, 1,
                Optional.of(new ScoreGap("丁单位", new BigDecimal("60"), new BigDecimal("62.255"))),
                List.of(new Problem(FindingCode.F03, 1, 1, List.of("戊单位"))), new NamedUnits(1, List.of("戊单位")), Optional.empty());

        String text = SummaryNarrative.render(facts);

        assertThat(text).contains("本次共向10家单位下发自评填报表，逾期报送4家（其中丙单位逾期最长，为12天），未报送6家（甲单位、乙单位等6家）。",
                "已报送单位中，2家填报了本年支出决算数，合计78.63万元。",
                "完成复核计分的3家单位平均得分65.00分，其中评为“中”的3家。另有1家单位的自评填报表因无法读取或数据不全，未能计分。",
                "单位自评得分与复核得分不一致的有1家，为丁单位，自评60.00分，复核62.26分，自评低于复核2.26分。",
                "（一）文件已加密（F03）。涉及1家单位、共1处（戊单位）。",
                "经复核，有1家单位的自评填报表存在错误（戊单位）。",
                "请未报送的6家单位抓紧完成自评，尽快报送自评填报表。",
                "针对上述问题，建议各单位：一是按要求格式报送，填报表以下发时的Excel格式保存，不加密、不改扩展名，每家单位只报送一份。");
        assertThat(text).doesNotContain("按时报送");
    }

    @Test
    void unitTextIsWrittenAsTypedNeitherEscapedNorReadAsATemplate() {
        String odd = "\"三公\"<测试>&单位";
        SummaryFacts facts = new SummaryFacts(Year.of(2023), "某县财政局", "“三公”经费<专项>评价", Optional.empty(), 3, 1, 0,
                Optional.empty(), new NamedUnits(2, List.of(odd, "{{年度}}单位")), Optional.empty(), grades(0, 1, 0, 0),
                Optional.of(new BigDecimal("85")), 1, 0, Optional.empty(),
                List.of(new Problem(FindingCode.C17, 1, 1, List.of(odd))), new NamedUnits(1, List.of(odd)), Optional.empty());

        String text = SummaryNarrative.render(facts);

        assertThat(text).contains("2023年度“三公”经费<专项>评价自评情况综述", "未报送2家（\"三公\"<测试>&单位、{{年度}}单位）",
                "涉及1家单位、共1处（\"三公\"<测试>&单位）", "存在错误（\"三公\"<测试>&单位）");
        assertThat(text).doesNotContain("&quot;", "&lt;", "&gt;", "&amp;", "&#");
    }

    @Test
    void aTemplateTheBureauEditedIsUsedWithTheRecommendationsBesideIt(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("综述.mustache");
        Files.writeString(template, """
                {{财政局}}：{{年度}}年度共下发{{下发}}家，收回{{报送}}家。
                {{#主要问题}}{{序号}}、{{标题}}：{{家数}}家。
                {{/主要问题}}{{#建议}}{{序号}}{{文字}}{{#末项}}。{{/末项}}{{^末项}}；{{/末项}}{{/建议}}
                """);
        Files.writeString(dir.resolve("recommendations.yaml"), """
                - codes: [C17]
                  text: 报告中的金额一律从填报表中引用
                - codes: [C01, C11]
                  text: 财务人员填报后由分管领导复核
                """);

        String text = SummaryNarrative.render(typical(), template);

        assertThat(text).isEqualTo("""
                衡阳市珠晖区财政局：2023年度共下发12家，收回10家。
                一、报告文字与表格数据不符：5家。
                二、收入合计不等于各项收入之和：3家。
                三、自评得分有误：2家。
                四、必填项为空：1家。
                一是报告中的金额一律从填报表中引用；二是财务人员填报后由分管领导复核。
                """);
    }

    @Test
    void anEditedTemplateWithoutRecommendationsBesideItUsesTheBundledOnes(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("summary.mustache");
        Files.writeString(template, "{{#建议}}\n{{序号}}{{文字}}\n{{/建议}}\n");

        String text = SummaryNarrative.render(typical(), template);

        assertThat(text.lines()).hasSize(4).first().asString().startsWith("一是加强决算数据核对");
    }

    @Test
    void aBrokenTemplateIsRefusedWithWhereAndWhatToDo(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("summary.mustache");
        Files.writeString(template, "第一段\n{{#主要问题}}{{标题}}\n");

        assertThatThrownBy(() -> SummaryNarrative.render(typical(), template))
                .isInstanceOf(SummaryTemplateException.class)
                .hasMessageStartingWith(template + "：第 ")
                .hasMessageContaining("的模板标记有误。请检查 {{ }} 是否成对")
                .hasMessageNotContaining("Exception").hasMessageNotContaining("mustache.java");
    }

    @Test
    void aMissingTemplateIsRefusedInChinese(@TempDir Path dir) {
        Path template = dir.resolve("没有这个文件.mustache");

        assertThatThrownBy(() -> SummaryNarrative.render(typical(), template))
                .isInstanceOf(SummaryTemplateException.class)
                .hasMessage(template + "：无法读取综述模板。请检查文件是否存在、是否有读取权限。");
    }

    @Test
    void recommendationsWithAnUnknownCodeAreRefused(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("summary.mustache");
        Files.writeString(template, "{{年度}}\n");
        Path recommendations = dir.resolve("recommendations.yaml");
        Files.writeString(recommendations, "- codes: [C01, C1]\n  text: 加强核对\n");

        assertThatThrownBy(() -> SummaryNarrative.render(typical(), template))
                .isInstanceOf(SummaryTemplateException.class)
                .hasMessage(recommendations.toAbsolutePath() + "：第 1 条建议：未知的审核意见编号 C1。编号须是 docs/findings.md 中列出的编号，如 C01。");
    }

    @Test
    void factsThatContradictEachOtherAreRefused() {
        assertThatThrownBy(() -> new SummaryFacts(Year.of(2023), "某县财政局", "部门整体支出绩效评价", Optional.empty(), 5, 3,
                0, Optional.empty(), NamedUnits.none(), Optional.empty(), grades(0, 0, 0, 0), Optional.empty(), 0, 0,
                Optional.empty(), List.of(), NamedUnits.none(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must equal issued");
    }

    private static Set<String> numbersIn(String text) {
        Set<String> numbers = new TreeSet<>();
        Matcher matcher = NUMBER.matcher(FINDING_CODE.matcher(text).replaceAll(""));
        while (matcher.find()) {
            numbers.add(matcher.group());
        }
        return numbers;
    }
}
