package org.evalbook.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.evalbook.framework.FieldValues;

/**
 * What two issued workbooks share when they differ only in the unit's values: the profile, the year, the deadline and
 * which roster values are given. The given values decide which cells are locked and validated, so units of one shape
 * can be stamped from one workbook written for a placeholder unit ({@link StampedIssue}).
 *
 * @param texts   ids of the pre-filled texts (unit identity included), and of the {@link #OPTIONAL_TEXTS}
 * @param numbers ids of the pre-filled figures other than {@code fiscal_year}
 */
record IssueShape(String profile, int fiscalYear, Optional<LocalDate> deadline, Set<String> texts, Set<String> numbers) {
    /**
     * Roster texts a unit may leave out: the placeholder has them all, and a unit without one gets the empty cell the
     * full writer leaves (same style, same validation), so that leaving them out does not make another shape.
     */
    static final Set<String> OPTIONAL_TEXTS = Set.of("parent_dept", "contact_name");

    /** Far from any real issue time, so its 下发时间 and meta text match nothing else in the workbook. */
    static final Instant PLACEHOLDER_TIME = Instant.parse("2001-02-03T04:05:06.789Z");

    IssueShape {
        texts = Set.copyOf(texts);
        numbers = Set.copyOf(numbers);
    }

    /**
     * The unit's shape, or empty when it must be written in full: values the placeholder cannot stand for (pre-filled
     * tables, an identity that differs from its own pre-filled cells) or texts that Excel's XML would store other than
     * as they are (control characters, {@code _xHHHH_} escapes, leading or trailing blanks that need xml:space).
     */
    static Optional<IssueShape> of(UnitIssue issue) {
        FieldValues prefill = issue.prefill();
        boolean plainIdentity = prefill.text("unit_code").equals(Optional.of(issue.unitCode()))
                && prefill.text("unit_name").equals(Optional.of(issue.unitName()))
                && prefill.number("fiscal_year").filter(year -> year.compareTo(BigDecimal.valueOf(issue.fiscalYear())) == 0).isPresent();
        if (!plainIdentity || !prefill.tables().isEmpty() || !prefill.texts().values().stream().allMatch(IssueShape::plain)) {
            return Optional.empty();
        }
        Set<String> numbers = new TreeSet<>(prefill.numbers().keySet());
        numbers.remove("fiscal_year");
        Set<String> texts = new TreeSet<>(prefill.texts().keySet());
        texts.addAll(OPTIONAL_TEXTS);
        return Optional.of(new IssueShape(issue.profile(), issue.fiscalYear(), issue.deadline(), texts, numbers));
    }

    static boolean plain(String text) {
        return !text.isEmpty() && text.strip().equals(text) && !text.toLowerCase(java.util.Locale.ROOT).contains("_x")
                && text.chars().noneMatch(c -> c < 0x20 || c == 0xFFFE || c == 0xFFFF);
    }

    /** The text that stands for pre-filled text {@code id} in the placeholder's workbook. */
    static String mark(String id) {
        return "EVBKMARK" + id.toUpperCase(java.util.Locale.ROOT) + "MARK";
    }

    /** A unit of this shape whose texts are marks, to be replaced in the written workbook by a real unit's. */
    UnitIssue placeholder() {
        FieldValues.Builder prefill = FieldValues.builder().number("fiscal_year", BigDecimal.valueOf(fiscalYear));
        texts.forEach(id -> prefill.text(id, mark(id)));
        numbers.forEach(id -> prefill.number(id, BigDecimal.ONE));
        return new UnitIssue(mark("unit_code"), mark("unit_name"), fiscalYear, profile, Optional.empty(), deadline,
                PLACEHOLDER_TIME, prefill.build());
    }

    /** Each mark and the unit's text it stands for (empty for an optional text the unit has not). */
    static Map<String, String> marks(UnitIssue issue) {
        Map<String, String> marks = new TreeMap<>();
        OPTIONAL_TEXTS.forEach(id -> marks.put(mark(id), ""));
        issue.prefill().texts().forEach((id, text) -> marks.put(mark(id), text));
        return marks;
    }
}
