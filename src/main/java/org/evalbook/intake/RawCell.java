package org.evalbook.intake;

/**
 * One cell as found in a returned workbook, before any interpretation.
 *
 * <p>A worker sends it to the parent through {@link ReturnCodec}.
 *
 * @param ref        {@code 基础数据表!B5}, with the sheet's name as it is in the file
 * @param type       NUMERIC, STRING, BOOLEAN, BLANK or ERROR: what the cell holds (for a formula, its cached result;
 *                   UNCACHED for a formula saved without one; UNREADABLE for a cell the reader failed on)
 * @param text       the string content, or the displayed text of other types
 * @param number     a numeric value as a plain decimal string ("" when not numeric)
 * @param formula    the formula text when the cell holds a formula ("" otherwise)
 * @param dateFormat the cell is formatted as a date
 */
public record RawCell(String ref, String type, String text, String number, String formula, boolean dateFormat) {
    public boolean isBlank() {
        return type.equals("BLANK") || type.equals("UNCACHED") || unreadable() || (type.equals("STRING") && text.strip().isEmpty() && formula.isEmpty());
    }

    /** The cell could not be read at all (its finding is raised on it; the rest of the return is read). */
    public boolean unreadable() {
        return type.equals(Cells.UNREADABLE);
    }

    public boolean hasFormula() {
        return !formula.isEmpty();
    }

    public String sheet() {
        int bang = ref.lastIndexOf('!');
        return bang < 0 ? "" : ref.substring(0, bang);
    }
}
