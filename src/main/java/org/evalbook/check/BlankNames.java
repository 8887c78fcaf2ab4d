package org.evalbook.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalbook.framework.Framework;

/**
 * Names blank inputs the way the unit sees them: by label, with table cells grouped per column and their rows
 * compacted ("年度工作任务·按时完成数（第 1–10 行）").
 */
final class BlankNames {
    private static final Pattern CELL = Pattern.compile("([a-z0-9_]+)\\[(\\d+)]");

    private final Map<String, String> labels;

    /** Built for every return scored: the labels are the framework's, built once ({@link FrameworkIndex}). */
    BlankNames(Framework framework) {
        this.labels = FrameworkIndex.of(framework).labels;
    }

    String describe(List<String> blanks) {
        Map<String, List<Integer>> rowsByName = new LinkedHashMap<>();
        for (String blank : blanks) {
            Matcher cell = CELL.matcher(blank);
            if (cell.matches()) {
                rowsByName.computeIfAbsent(cell.group(1), k -> new ArrayList<>()).add(Integer.parseInt(cell.group(2)));
            } else {
                rowsByName.putIfAbsent(blank, new ArrayList<>());
            }
        }
        List<String> parts = new ArrayList<>();
        rowsByName.forEach((id, rows) -> parts.add(labels.getOrDefault(id, id) + (rows.isEmpty() ? "" : "（第 " + ranges(rows) + " 行）")));
        return String.join("、", parts);
    }

    private static String ranges(List<Integer> rows) {
        List<String> ranges = new ArrayList<>();
        List<Integer> sorted = rows.stream().sorted().distinct().toList();
        int start = sorted.get(0);
        int previous = start;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i < sorted.size() && sorted.get(i) == previous + 1) {
                previous = sorted.get(i);
                continue;
            }
            ranges.add(start == previous ? String.valueOf(start) : start + "–" + previous);
            if (i < sorted.size()) {
                start = sorted.get(i);
                previous = start;
            }
        }
        return String.join("、", ranges);
    }
}
