package org.evalbook.intake;

import java.util.List;
import org.evalbook.finding.Severity;

/**
 * What to add to a copy of a return for 退回修改: highlights with comments on problem cells, and a review sheet. Made
 * by the report stage from the findings; applied by the worker that read the return, to the very bytes it read.
 *
 * @param marks   one per problem cell, in order (several marks on one cell are merged into one comment)
 * @param sheet   the review sheet's name
 * @param rows    the review sheet's rows, the header first (text only: nothing here ever becomes a formula)
 * @param widths  its column widths, in characters
 */
public record Annotation(List<Mark> marks, String sheet, List<List<String>> rows, List<Integer> widths) {
    public Annotation {
        marks = List.copyOf(marks);
        rows = rows.stream().map(List::copyOf).toList();
        widths = List.copyOf(widths);
    }

    /** One highlighted cell: {@code 基础数据表!D8}, the colour its severity gives, and the comment text. */
    public record Mark(String cell, Severity severity, String comment) {
    }
}
