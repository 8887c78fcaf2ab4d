package org.evalbook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.Profile;
import org.evalbook.intake.RawCell;
import org.evalbook.intake.RawName;
import org.evalbook.intake.RawReturn;
import org.evalbook.intake.ReadReturn;
import org.evalbook.intake.ReturnValues;
import org.evalbook.intake.WorkbookReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * C17 compares an amount only when the text clearly states it for a field of the whole unit (checks.md). The table of
 * the consistent return: 本年支出合计 100 (budget and final), 基本支出 60, 项目支出 40, 评价年度 2023.
 */
class NarrativeChecksTest {
    @TempDir
    static Path temp;
    /** 15 characters stating 80 for 基本支出 (60 in the table). */
    private static final String STATED = "本年基本支出决算数为80万元。";
    /** The consistent return as read from its workbook; cases change its cells as a unit would, without a new file. */
    private static RawReturn consistent;

    @BeforeAll
    static void read() throws Exception {
        consistent = new WorkbookReader(Checks.FRAMEWORK).read(new Fixtures(temp).consistent("narrative.xlsx"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            本年支出合计100万元，其中基本支出60万元，项目支出40万元。                     | -
            本年支出合计120万元，其中基本支出60万元。                                     | exp_total_final 120
            全年支出合计986,000元。                                                       | exp_total_final 98.6
            本年项目支出预算数28.6万元、决算数38.6万元。                                  | exp_project_budget 28.6; exp_project_final 38.6
            全年支出合计100万元，上年决算数为85万元。                                     | -
            按年度计划，生育关怀项目支出25万元。                                          | -
            （一）基本支出\\n春节走访慰问困难家庭72户，共计3.6万元。                       | -
            （一）基本支出\\n2023年预算数为60万元，决算数132.01万元。                      | exp_basic_final 132.01
            联合东川区开展生育关怀活动，项目支出5万元；                                   | -
            """)
    void onlyClearStatementsAreCompared(String text, String expected) throws Exception {
        Path file = new Fixtures(temp).edited("c17-" + Math.abs(text.hashCode()) + ".xlsx",
                w -> w.cell("report_spending", 0).setCellValue(text.replace("\\n", "\n")));
        List<Finding> c17 = Checks.of(file).findings().stream().filter(f -> f.code() == FindingCode.C17).toList();
        List<String> got = c17.stream().map(f -> f.field().split(",")[1] + " " + f.actualValue().stripTrailingZeros().toPlainString()).toList();
        assertThat(String.join("; ", got)).as(text).isEqualTo(expected.equals("-") ? "" : expected);
    }

    /**
     * Sentences as the two seed reports write them (珠晖 2022, 昆明 2017), each with the table figures it is read against
     * and the C17 it must raise (field and stated amount), or none.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2022年基本支出预算数为72.19万元，决算数80.63万元。                   | fiscal_year=2022 exp_basic_budget=72.19 exp_basic_final=78.63          | exp_basic_final 80.63
            2022年度基本支出决算数为80.63万元。                                  | fiscal_year=2022 exp_basic_final=78.63                                 | exp_basic_final 80.63
            2022年基本支出为80.63万元，包括津贴补贴、绩效工资等人员经费。        | fiscal_year=2022 exp_basic_final=78.63                                 | exp_basic_final 80.63
            2022年项目支出预算为50万元，决算数为53.38万元。                      | fiscal_year=2022 exp_project_budget=53.38 exp_project_final=53.38      | exp_project_budget 50
            2022年支出包括基本支出80.63万元和项目支出53.38万元。                 | fiscal_year=2022 exp_basic_final=78.63 exp_project_final=53.38         | exp_basic_final 80.63
            2022年部门整体支出即本年支出合计为142.01万元。                       | fiscal_year=2022 exp_total_final=132.01                                | exp_total_final 142.01
            本年的基本支出决算数为806,300元。                                    | fiscal_year=2022 exp_basic_final=78.63                                 | exp_basic_final 80.63
            整体支出132.01万元，其中基本支出78.63万元，含人员经费支出66.63万元，商品和服务支出14万元；项目支出53.38万元。 | exp_total_final=132.01 exp_basic_final=78.63 exp_personnel_final=64.63 exp_public_final=14 exp_project_final=53.38 | exp_personnel_final 66.63
            2022年“三公”经费支出预算数为0万元，支出决算数为1.2万元，与预算一致。 | fiscal_year=2022 sangong_total_budget=0 sangong_total_final=0          | sangong_total_final 1.2
            （一）基本支出\\n2022年预算数为72.19万元，决算数132.01万元，包括津贴补贴、绩效工资等人员经费。 | fiscal_year=2022 exp_basic_budget=72.19 exp_basic_final=78.63 | exp_basic_final 132.01
            （一）基本支出\\n2022年调整后预算数为80万元，决算数78.63万元。        | fiscal_year=2022 exp_basic_adjusted=72.19 exp_basic_final=78.63        | exp_basic_adjusted 80
            本年度基本支出78.63万元，上年基本支出为72万元。                      | fiscal_year=2022 exp_basic_final=78.63 exp_basic_prior=70.43           | exp_basic_prior 72
            2017年收入计399.77万元。其中，财政拨款收入389.68万元，单位往来款账户利息收入0.08万元。 | fiscal_year=2017 inc_total=399.77 inc_fiscal=399.68 | inc_fiscal 389.68
            全年共计支出399.75万元，其中：基本支出313.23万元，项目支出96.52万元。 | fiscal_year=2017 exp_total_final=399.75 exp_basic_final=303.23 exp_project_final=96.52 | exp_basic_final 313.23
            2022年基本支出预算数为72.19万元，决算数78.63万元。                   | fiscal_year=2022 exp_basic_budget=72.19 exp_basic_final=78.63          | -
            2022年项目预算为53.38万元，包含计生“三结合”项目、计生能力建设项目等援助及救助经费。 | fiscal_year=2022 exp_project_budget=53.38           | -
            2022年生育关怀项目支出12.78万元。                                    | fiscal_year=2022 exp_project_final=53.38                               | -
            2022年计生特扶家庭住院护理补贴项目支出9.95万元。                     | fiscal_year=2022 exp_project_final=53.38                               | -
            2022年基本支出较上年增加8.2万元。                                    | fiscal_year=2022 exp_basic_final=78.63 exp_basic_prior=70.43           | -
            2022年项目支出、基本支出分别为53.38万元、78.63万元。                 | fiscal_year=2022 exp_basic_final=78.63 exp_project_final=53.38         | -
            2022年项目支出中用于慰问困难家庭3.6万元。                            | fiscal_year=2022 exp_project_final=53.38                               | -
            上年项目支出决算数为48万元，本年度决算数53.38万元。                  | fiscal_year=2022 exp_project_final=53.38 exp_project_prior=45          | -
            2021年全年基本支出决算数为70万元。                                   | fiscal_year=2022 exp_basic_final=78.63                                 | -
            春节走访慰问活动，共计慰问计生困难家庭72户，发放慰问金3.6万元、慰问物资1.8万元。 | fiscal_year=2022 exp_project_final=53.38               | -
            联合东川区计生协开展贫困计生家庭、留守妇女、老人等生育关怀活动，项目支出5万元； | fiscal_year=2017 exp_project_final=96.52               | -
            2017年政府采购支出2.75万元，其中单位电脑网络设备维护费0.6万元。     | fiscal_year=2017                                                       | -
            2017年固定资产未新增，与上年度相同，为38.43万元。                    | fiscal_year=2017 assets_total=38.43                                    | -
            2022年基本支出决算数为12345678901234567890万元。                     | fiscal_year=2022 exp_basic_final=78.63                                 | -
            2022年基本支出预算数和决算数均为80万元。                             | fiscal_year=2022 exp_basic_budget=72.19 exp_basic_final=78.63          | -
            """)
    void sentencesAsTheSeedReportsWriteThem(String text, String figures, String expected) {
        Map<String, String> numbers = new HashMap<>();
        for (String figure : figures.split(" ")) {
            numbers.put(figure.substring(0, figure.indexOf('=')), figure.substring(figure.indexOf('=') + 1));
        }
        List<String> got = NarrativeChecks.run(checked(text.replace("\\n", "\n"), numbers)).stream()
                .map(f -> f.field().split(",")[1] + " " + f.actualValue().stripTrailingZeros().toPlainString()).toList();
        assertThat(String.join("; ", got)).as(text).isEqualTo(expected.equals("-") ? "" : expected);
    }

    @Test
    void aSectionBeyondTheLimitIsComparedUpToItAndSaysSo() {
        String text = STATED + "1".repeat(300_000);
        List<Finding> findings = NarrativeChecks.run(checked(text, Map.of()));
        assertThat(findings).extracting(Finding::code).containsOnly(FindingCode.C17);
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.ERROR, Severity.INFO);
        assertThat(findings.get(0).actual()).isEqualTo("80.00");
        assertThat(findings.get(1).field()).isEqualTo("report_spending");
        assertThat(findings.get(1).message()).contains("共 300015 字", "超过核对上限 32767 字", "只核对了前 15 字", "其余文字未与表格核对");
    }

    @Test
    void aSectionUpToTheLimitIsReadWhole() {
        String text = "1".repeat(NarrativeChecks.MAX_SECTION - STATED.length()) + STATED;
        List<Finding> findings = NarrativeChecks.run(checked(text, Map.of()));
        assertThat(findings).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(findings.get(0).actual()).isEqualTo("80.00");
    }

    @Test
    void aWrongFigureStatedTwiceInASectionIsOneFinding() {
        List<Finding> findings = NarrativeChecks.run(checked(STATED + "\n" + STATED, Map.of()));
        assertThat(findings).extracting(Finding::actual).containsExactly("80.00");
    }

    /**
     * Texts that made the old regular expressions quadratic or worse: each is checked within its bound of this
     * thread's CPU time (not wall time, which other builds on a shared machine stretch): under a second for the
     * 300,000 digits of the issue, two seconds for seven sections full of labels and amounts.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one section of 300,000 digits                    | 1                 | 300000 | 1 | 1000
            seven sections of 32,767 digits                  | 1                 | 32767  | 7 | 1000
            commas between digits                            | 1,                | 16383  | 7 | 2000
            万元 repeated after a number                     | 1万元             | 10922  | 7 | 2000
            a label repeated in one whole-unit clause        | 本年基本支出      | 5461   | 7 | 2000
            a label and an amount, repeated                  | 本年基本支出1万元、 | 3276 | 7 | 2000
            a label repeated 10,000 times before an amount   | 基本支出          | 10000  | 1 | 1000
            """)
    void adversarialSectionsAreCheckedInUnderASecond(String name, String unit, int times, int sections, long bound) {
        String text = unit.repeat(times) + (name.contains("before an amount") ? "80万元" : "");
        Map<String, String> texts = new HashMap<>();
        List.of("report_overview", "report_spending", "report_targets", "report_conclusion", "report_experience",
                "report_problems", "report_measures").subList(0, sections).forEach(id -> texts.put(id, text));
        Checked checked = checked(texts, Map.of());
        long first = millis(checked);
        long again = Math.min(millis(checked), millis(checked));
        System.out.println("C17 on " + name + " (" + sections + " × " + text.length() + " characters): " + first + " ms CPU, then "
                + again + " ms");
        // The first run includes compiling the scanner, and wall time on a machine shared by many builds varies; the old
        // scanner took 40 s on one section of 32,767 digits and over 10 minutes on 300,000, so both bounds tell linear
        // from not.
        assertThat(first).as(name + ", first run").isLessThan(5 * bound);
        assertThat(again).as(name + ", best of two more runs").isLessThan(bound);
    }

    /** This thread's CPU time for one run, in milliseconds. */
    private static long millis(Checked checked) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        NarrativeChecks.run(checked);
        return (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
    }

    private static Checked checked(String spending, Map<String, String> numbers) {
        return checked(Map.of("report_spending", spending), numbers);
    }

    /** The consistent return with some cells typed over: texts as strings, numbers as numbers. */
    private static Checked checked(Map<String, String> texts, Map<String, String> numbers) {
        Map<String, RawName> names = new HashMap<>(consistent.names());
        texts.forEach((id, text) -> names.put(id, typed(names.get(id), new RawCell(ref(names.get(id)), "STRING", text, "", "", false))));
        numbers.forEach((id, value) -> names.put(id, typed(names.get(id), new RawCell(ref(names.get(id)), "NUMERIC", value, value, "", false))));
        RawReturn raw = new RawReturn(consistent.file(), consistent.format(), consistent.findings(), consistent.meta(), names,
                consistent.byLabels());
        ReadReturn read = new ReturnValues(Checks.FRAMEWORK).interpret(raw);
        Profile profile = Checks.FRAMEWORK.profile("default").orElseThrow();
        return new Checked(Checks.FRAMEWORK, profile, read, new Scorer(Checks.FRAMEWORK, profile).score(read.values()));
    }

    private static String ref(RawName name) {
        return name.cells().get(0).ref();
    }

    private static RawName typed(RawName name, RawCell cell) {
        return new RawName(name.name(), List.of(cell), List.of(), "");
    }
}
