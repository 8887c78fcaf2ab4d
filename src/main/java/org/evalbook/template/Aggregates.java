package org.evalbook.template;

/**
 * How a formula spells an aggregate over a table's rows (a sum of an array of per-row values). Both spellings compute
 * the same thing; they differ in what a spreadsheet program needs to evaluate them.
 */
enum Aggregates {
    /**
     * {@code SUM} over arrays, which needs array entry: what evalbook first issued, as single-cell array formulas.
     * Some programs re-save such a cell as an array formula without text, which POI cannot read back. Kept because
     * returns issued then hold these formulas, and because the rules fingerprint is taken over this spelling.
     */
    ARRAY_FORMULA,
    /**
     * {@code SUMPRODUCT(INDEX(array,0))}, evaluated as an array without array entry by Excel, WPS and LibreOffice
     * (SUMPRODUCT's arguments are arrays) and by POI (which evaluates operators as arrays only under INDEX). Only
     * multiplication and comparison inside: Excel would not evaluate IF over an array there without array entry.
     */
    SUMPRODUCT;

    /** The sum of an array expression's elements. */
    String sum(String array) {
        return this == ARRAY_FORMULA ? "SUM(" + array + ")" : "SUMPRODUCT(INDEX(" + array + ",0))";
    }

    /** The sum of {@code values} over the rows where {@code condition} is 1 (non-numbers counting as 0). */
    String sumWhere(String condition, String values) {
        return this == ARRAY_FORMULA ? "SUM(IF(" + condition + "," + values + ",0))"
                : "SUMPRODUCT(INDEX(" + condition + ",0),INDEX(" + values + ",0))";
    }

    /** Each element of {@code values}, capped at {@code cap} (by 0/1 factors, which keeps the value exact). */
    String capped(String values, String cap) {
        return this == ARRAY_FORMULA ? "IF(" + values + ">" + cap + "," + cap + "," + values + ")"
                : "(" + cap + "*(" + values + ">" + cap + ")+" + values + "*(" + values + "<=" + cap + "))";
    }
}
