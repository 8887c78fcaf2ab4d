package org.evalbook.framework;

import java.util.HashMap;
import java.util.Map;

/** Every defined name must be unique across the whole workbook; this remembers who claimed which. */
final class UniqueIds {
    private final Map<String, String> claimedBy = new HashMap<>();
    private final Problems problems;

    UniqueIds(Problems problems) {
        this.problems = problems;
    }

    void claim(String file, String id) {
        String first = claimedBy.putIfAbsent(id, file);
        if (first != null) {
            String where = first.equals(file) ? file : first + " 和 " + file;
            problems.add(file, "代码 " + id, "在 " + where + " 中重复出现",
                    "每个代码只能定义一次，请删除重复项或改用新代码");
        }
    }
}
