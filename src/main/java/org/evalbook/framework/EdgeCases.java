package org.evalbook.framework;

/**
 * The edge-case policies of one profile entry.
 *
 * @param zeroOverZero numerator and denominator both 0 (三公 budget 0, actual 0)
 * @param xOverZero    a positive numerator over a zero denominator (spent with no budget)
 * @param missing      an input of the formula, or every answer of a checklist or judgement, is blank
 */
public record EdgeCases(EdgePolicy zeroOverZero, EdgePolicy xOverZero, EdgePolicy missing) {
    public static final EdgeCases DEFAULT = new EdgeCases(EdgePolicy.FULL, EdgePolicy.ZERO, EdgePolicy.ZERO);
}
