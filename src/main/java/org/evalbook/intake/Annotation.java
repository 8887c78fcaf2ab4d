package org.evalbook.intake;

import java.util.List;
import org.evalbook.finding.Severity;

/**
 * What to add to a copy of a return for 退回修改: highlights with comments on problem cells, and a review sheet. Made
 * by the report stage from the findings; applied by the worker that read the return, to the very bytes it read.
 *
 * @param marks  one per problem cell, in order (several marks on one cell are merged into one comment)
 * @param review the 审核意见书 sheet
 */
public record Annotation(List<Mark> marks, Review review) {
    public Annotation {
        marks = List.copyOf(marks);
    }

    /** One highlighted cell: {@code 基础数据表!D8}, the colour its severity gives, and the comment text. */
    public record Mark(String cell, Severity severity, String comment) {
    }

    /**
     * The 审核意见书, a printable notice (text only: nothing here ever becomes a formula): a title, lines across the
     * page (unit, date, totals, conclusion), the numbered problems under a header row repeated on every page, and
     * closing lines (the resubmission deadline, signatures).
     *
     * @param sheet    the sheet's name
     * @param title    e.g. 昆明市计划生育协会2017年度绩效自评审核意见
     * @param preamble lines above the table, each across the page
     * @param header   the table's column headings
     * @param problems one row per problem, as many cells as the header
     * @param closing  lines under the table, each across the page
     * @param widths   the columns' widths, in characters
     */
    public record Review(String sheet, String title, List<String> preamble, List<String> header, List<List<String>> problems,
                         List<String> closing, List<Integer> widths) {
        public Review {
            preamble = List.copyOf(preamble);
            header = List.copyOf(header);
            problems = problems.stream().map(List::copyOf).toList();
            closing = List.copyOf(closing);
            widths = List.copyOf(widths);
        }
    }
}
