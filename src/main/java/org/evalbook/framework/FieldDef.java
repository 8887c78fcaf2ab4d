package org.evalbook.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One named cell (or, inside a {@link TableDef}, one named column range) of the issued workbook.
 *
 * @param id          the workbook-scoped defined name; a public contract
 * @param label       the Chinese label the unit sees, with the period when the field has one
 * @param group       the block of the 基础数据表 (or the table) the field belongs to
 * @param type        what the cell holds
 * @param unit        万元 for amounts, 人, ㎡, 份, % …; empty when none
 * @param required    a blank is a finding (C11)
 * @param prefilled   filled from the bureau's roster at issue
 * @param blankInSums an optional part of a sum: counts as 0 there when blank
 * @param min         lower bound for validation, when any
 * @param max         upper bound for validation, when any
 * @param options     the allowed answers of a {@link FieldType#CHOICE}
 * @param pattern     a regular expression text must match, when any
 * @param stem        the money line a period field belongs to ({@code exp_total} for {@code exp_total_final}); else the id
 * @param period      the period key ({@code final}) of a money line's field
 */
public record FieldDef(String id, String label, String group, FieldType type, String unit, boolean required,
                       boolean prefilled, boolean blankInSums, Optional<BigDecimal> min, Optional<BigDecimal> max,
                       List<String> options, Optional<String> pattern, String stem, Optional<String> period) {
    public FieldDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        unit = unit == null ? "" : unit;
        options = List.copyOf(options);
    }

    /** A total of the unit's self-assessment (fields.yaml: self_assessment). */
    public boolean isSelfAssessment() {
        return group.equals(FieldsBuilder.Section.SELF.group());
    }

    /** Written by the workbook's formulas, never by the unit (fields.yaml: computed). */
    public boolean isComputed() {
        return group.equals(FieldsBuilder.Section.COMPUTED.group());
    }

    /** A chapter of the 自评报告 (fields.yaml: report). */
    public boolean isReport() {
        return group.equals(FieldsBuilder.Section.REPORT.group());
    }

    /** One of the unit's figures on the 基础数据表: a field of a group of fields.yaml, not of another section. */
    public boolean isBaseData() {
        return !isSelfAssessment() && !isComputed() && !isReport();
    }

    /** The label without the period: the row label of a money line (其中：人员经费). */
    public String lineLabel() {
        return period.isPresent() ? label.substring(label.indexOf('·') + 1) : label;
    }
}
