package org.evalbook.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.evalbook.check.Scorer;
import org.evalbook.check.ScoreSheet;
import org.evalbook.check.UnitIdentity;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.FileState;
import org.evalbook.consolidate.ReceivedFile;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.consolidate.UnitStatus;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.template.ConsistentReturn;
import org.evalbook.roster.RosterRow;

/**
 * Four roster units in two departments, listed interleaved (县卫健委, 县财政局, 县卫健委, 县财政局) so grouping must
 * regroup them: 001 (named {@code =1+1}, on time, two findings), 003 (missing), 002 (3 days late, no 三公 figure, no
 * adjusted budget) and 004 (on time, no initial budget). Their figures are chosen for subtotals that can be worked out
 * by hand; the scores are the engine's on the consistent return (100, 优) for every unit.
 */
final class SmallConsolidation {
    static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    static final String AT_MESSAGE = "@SUM(A1) 自评总分 95.00 与核定总分 100.00 不符，请核对后重新填报";
    static final String FIRST_FILE = "收回 文件/001.xlsx";
    static final ScoreSheet SCORES = new Scorer(FRAMEWORK, FRAMEWORK.profile("default").orElseThrow()).score(ConsistentReturn.figures());
    private static final LocalDateTime RECEIVED = LocalDateTime.of(2027, 3, 30, 9, 15);

    private SmallConsolidation() {
    }

    /** The consolidation, its returns' paths under {@code returns}. */
    static Consolidation of(Path returns) {
        CheckedReturn first = adopted(1, FIRST_FILE, returns.resolve(FIRST_FILE), "001", "=1+1",
                figures("7", "6", "100.5", "90.25", "60", "30.25", "1.2", "100", "95", "95"), "良",
                List.of(new Finding(FindingCode.C14, Severity.ERROR, FIRST_FILE, "绩效指标表", List.of("绩效指标表!H40"), "self_total",
                                "100.00", "95.00", AT_MESSAGE),
                        new Finding(FindingCode.C10, Severity.WARNING, FIRST_FILE, "基础数据表", List.of("基础数据表!F20", "基础数据表!F21"),
                                "exp_total_final", "90%–100%", "90.25%", "预算执行率偏离，请说明原因").explainedBy("=年底项目资金未拨付完毕")));
        CheckedReturn second = adopted(2, "002.xlsx", returns.resolve("002.xlsx"), "002", "县计生协",
                figures("5", "5", "50", "48", "40", "8", null, null, "60", "100"), "优", List.of());
        CheckedReturn fourth = adopted(3, "004.xlsx", returns.resolve("004.xlsx"), "004", "县票据中心",
                figures("3", "3", "20", "20", "20", "0", "0.5", "25", null, "100"), "优",
                List.of(Finding.aboutFile(FindingCode.C11, "004.xlsx", "-联系人电话为空，请补填")));
        List<UnitResult> units = List.of(
                new UnitResult(roster(2, "001", "=1+1", "县卫健委"), UnitStatus.ON_TIME, Optional.of(RECEIVED), OptionalLong.empty(),
                        Optional.of(first), "签名"),
                new UnitResult(roster(3, "003", "县乡镇所", "县财政局"), UnitStatus.MISSING, Optional.empty(), OptionalLong.empty(),
                        Optional.empty(), ""),
                new UnitResult(roster(4, "002", "县计生协", "县卫健委"), UnitStatus.LATE, Optional.of(RECEIVED.plusDays(4)), OptionalLong.of(3),
                        Optional.of(second), "单位代码"),
                new UnitResult(roster(5, "004", "县票据中心", "县财政局"), UnitStatus.ON_TIME, Optional.of(RECEIVED), OptionalLong.empty(),
                        Optional.of(fourth), "签名"));
        List<ReceivedFile> files = List.of(
                new ReceivedFile(FIRST_FILE, FileState.ADOPTED, "", Optional.of("001"), Optional.of(RECEIVED)),
                new ReceivedFile("002.xlsx", FileState.ADOPTED, "", Optional.of("002"), Optional.of(RECEIVED.plusDays(4))),
                new ReceivedFile("004.xlsx", FileState.ADOPTED, "", Optional.of("004"), Optional.of(RECEIVED)),
                new ReceivedFile("旧/001.xlsx", FileState.SUPERSEDED, "同一单位有更新的填报表", Optional.of("001"), Optional.of(RECEIVED.minusDays(2))),
                new ReceivedFile("~$002.xlsx", FileState.IGNORED, "Office 临时锁定文件", Optional.empty(), Optional.empty()));
        return new Consolidation(Optional.of(LocalDateTime.of(2027, 3, 31, 23, 59)), units, files, List.of());
    }

    static RosterRow roster(int row, String code, String name, String department) {
        return new RosterRow(row, code, name, department, "李会计", code + "@example.cn", 2023, Optional.empty(), FieldValues.builder().build());
    }

    /** Key figures in the order of 汇总; null is a blank. The self-scores are the consistent return's. */
    private static Map<String, BigDecimal> figures(String authorized, String actual, String income, String expenditure, String basic,
                                                   String project, String sangong, String adjusted, String budget, String selfTotal) {
        Map<String, BigDecimal> figures = new HashMap<>();
        ConsistentReturn.figures().numbers().forEach((id, value) -> {
            if (id.startsWith("self_")) {
                figures.put(id, value);
            }
        });
        String[][] pairs = {{"staff_authorized", authorized}, {"staff_actual", actual}, {"inc_total", income}, {"exp_total_final", expenditure},
            {"exp_basic_final", basic}, {"exp_project_final", project}, {"sangong_total_final", sangong},
            {"exp_total_adjusted", adjusted}, {"exp_total_budget", budget}, {"self_total", selfTotal}};
        for (String[] pair : pairs) {
            if (pair[1] != null) {
                figures.put(pair[0], new BigDecimal(pair[1]));
            }
        }
        return figures;
    }

    private static CheckedReturn adopted(int order, String file, Path path, String code, String name, Map<String, BigDecimal> figures,
                                         String selfGrade, List<Finding> findings) {
        return new CheckedReturn(order, file, path, "xlsx", "sha-" + code, Optional.of(new UnitIdentity(code, name, "2023", true)),
                Optional.of(SCORES), figures, Map.of("self_grade", selfGrade), findings);
    }
}
