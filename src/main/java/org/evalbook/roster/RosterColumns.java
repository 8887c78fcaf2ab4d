package org.evalbook.roster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evalbook.framework.FieldDef;

/**
 * What each column of a roster's header row holds: one of the roster's own columns, a figure to pre-fill (by field id
 * or Chinese label), or something else (备注), which is ignored with a note. A column given twice, an ambiguous header
 * and a misspelt figure header are problems.
 *
 * @param named   roster column title (单位代码 …) → column index
 * @param figures column index → the field it pre-fills
 */
record RosterColumns(Map<String, Integer> named, Map<Integer, FieldDef> figures) {
    /** @param unitsOnly read for the project form: only the unit columns count, any other column is set aside with a note */
    static RosterColumns of(String file, RosterTable.Line header, RosterHeaders headers, boolean unitsOnly, List<String> problems,
                            List<String> notes) {
        Map<String, Integer> named = new LinkedHashMap<>();
        Map<Integer, FieldDef> figures = new HashMap<>();
        Map<FieldDef, Integer> figureColumns = new HashMap<>();
        List<RosterCell> titles = header.cells();
        for (int c = 0; c < titles.size(); c++) {
            String title = titles.get(c).text();
            String column = "第 " + header.number() + " 行 " + titles.get(c).address();
            if (title.isEmpty()) {
                continue;
            }
            if (unitsOnly && !Roster.REQUIRED.contains(title)) {
                notes.add(file + " " + column + "：“" + title + "”列用于部门整体支出绩效评价表，下发项目支出绩效自评表时不用"
                        + (title.equals(Roster.PROFILE) ? "（项目自评按 --profile 指定的方案计分）" : "") + "。");
                continue;
            }
            if (Roster.REQUIRED.contains(title) || title.equals(Roster.PROFILE)) {
                Integer earlier = named.putIfAbsent(title, c);
                if (earlier != null) {
                    problems.add(column + "：“" + title + "”列与 " + titles.get(earlier).address() + " 重复。请删去其中一列。");
                }
            } else if (headers.field(title).isPresent()) {
                FieldDef field = headers.field(title).get();
                Integer earlier = figureColumns.putIfAbsent(field, c);
                if (earlier == null) {
                    figures.put(c, field);
                } else {
                    problems.add(column + "：“" + title + "”与 " + titles.get(earlier).address() + " 是同一个预填数（"
                            + field.id() + "）。请删去其中一列。");
                }
            } else if (headers.candidates(title).size() > 1) {
                problems.add(column + "：表头“" + title + "”有歧义，可能是 " + headers.candidates(title).stream()
                        .map(f -> f.id() + "（" + f.label() + "）").toList() + "。请改用字段代码。");
            } else if (headers.looksLikeFigure(title)) {
                problems.add(column + "：未知的表头“" + title + "”。请用字段代码或“期间·项目”形式（如 年初预算数·本年支出合计），"
                        + "字段代码见 evalbook fields。");
            } else {
                notes.add(file + " " + column + "：“" + title + "”列不是名册的列，也不是预填数，已忽略。");
            }
        }
        Roster.REQUIRED.stream().filter(c -> !named.containsKey(c)).forEach(c -> problems.add("表头缺少“" + c + "”列。请补上该列。"));
        return new RosterColumns(named, figures);
    }

    boolean complete() {
        return named.keySet().containsAll(Roster.REQUIRED);
    }
}
