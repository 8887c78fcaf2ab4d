package org.evalbook.intake;

/**
 * Where a value came from: the cell, and the text typed there when it was not a plain number.
 *
 * @param ref      {@code 基础数据表!B5}
 * @param original the typed text of a number entered as text ("" otherwise)
 */
public record CellSource(String ref, String original) {
}
