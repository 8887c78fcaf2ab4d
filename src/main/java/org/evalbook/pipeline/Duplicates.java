package org.evalbook.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalbook.check.ReturnForm;
import org.evalbook.check.UnitIdentity;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;

/**
 * C25: two or more returns of one unit, year and form in one run, each naming the others. A unit's 部门整体支出 and
 * project returns are two submissions, never duplicates of each other.
 */
final class Duplicates {
    private Duplicates() {
    }

    /** The results, with a C25 warning on every return that shares its unit and year with another. */
    static List<CheckedReturn> mark(List<CheckedReturn> results) {
        Map<String, List<Integer>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            int index = i;
            results.get(i).unit().filter(UnitIdentity::named)
                    .ifPresent(unit -> byUnit.computeIfAbsent("单位代码 " + unit.code() + "，" + (unit.year().isEmpty() ? "？" : unit.year())
                            + " 年度" + (results.get(index).form() == ReturnForm.PROJECT ? "，项目支出绩效自评表" : ""),
                            k -> new ArrayList<>()).add(index));
        }
        List<CheckedReturn> marked = new ArrayList<>(results);
        byUnit.forEach((unit, same) -> {
            if (same.size() < 2) {
                return;
            }
            boolean identical = same.stream().map(i -> results.get(i).sha256()).distinct().count() == 1;
            for (int i : same) {
                List<String> others = same.stream().filter(j -> j != i).map(j -> "“" + results.get(j).file() + "”").toList();
                CheckedReturn result = results.get(i);
                List<Finding> findings = new ArrayList<>(result.findings());
                findings.add(Finding.aboutFile(FindingCode.C25, result.file(), "本次同时收到同一单位同一年度（" + unit + "）的另外 "
                        + others.size() + " 份填报表：" + String.join("、", others) + (identical ? "，内容完全相同" : "，内容不同")
                        + "。请确认以哪一份为准，把其余几份移出收件文件夹后重新检查。"));
                findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code));
                marked.set(i, result.withFindings(findings));
            }
        });
        return marked;
    }
}
