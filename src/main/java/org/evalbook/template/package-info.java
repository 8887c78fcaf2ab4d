/**
 * Stage 2 — template: the workbook a unit receives.
 *
 * <p>In: a {@link org.evalbook.framework.Framework}, one of its profiles and, for an issued workbook, the unit's
 * roster row ({@link org.evalbook.template.UnitIssue}) and the bureau's signing key. Out: an xlsx in which every name
 * of the field contract is a workbook-scoped defined name; inputs are unlocked, styled and validated; labels,
 * pre-filled values and formulas are locked; rates, scores, the total and the grade are live formulas compiled from
 * the same rules as the Java engine; a hidden, protected meta sheet carries the signed identity of the issue.
 */
package org.evalbook.template;
