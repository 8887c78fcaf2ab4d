/**
 * Stage 4 — check: recompute, reconcile, score.
 *
 * <p>In: a {@link org.evalbook.framework.Framework}, one of its profiles and a unit's
 * {@link org.evalbook.framework.FieldValues}. Out: a {@link org.evalbook.check.ScoreSheet} — every rate (rounded to
 * 4 decimals before any rule), every indicator score (2 decimals), the total (rescaled over the indicators that
 * apply) and the grade, with the reason for every indicator that could not be computed. Decimal arithmetic
 * throughout; nothing here reads a workbook.
 */
package org.evalbook.check;
