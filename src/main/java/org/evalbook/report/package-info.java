/**
 * Stage 6 — report: what people read. In: checked returns ({@link org.evalbook.pipeline.CheckedReturn}) and a
 * {@link org.evalbook.consolidate.Consolidation}. Out: the terminal report and JSON of {@code check}; a unit's score
 * sheet as text; the 综述 ({@link org.evalbook.report.SummaryNarrative}, from a Mustache template the bureau may edit,
 * its facts counted by {@link org.evalbook.report.ConsolidationFacts}); the bureau's consolidated workbook
 * ({@link org.evalbook.report.ConsolidatedWorkbook}, streamed, written atomically, unit text always as text, with
 * last year's totals from {@link org.evalbook.report.PreviousScores} when given); and
 * {@link org.evalbook.report.DeadlineJob}, which runs the deadline job end to end for {@code consolidate} and
 * {@code demo}. Raises no findings.
 */
package org.evalbook.report;
