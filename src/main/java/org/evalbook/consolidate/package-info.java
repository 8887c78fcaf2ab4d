/**
 * Stage 5 — consolidate: every checked return of a round, brought together into one consolidation for the bureau.
 *
 * <p>In: the checked returns and the roster. Out: one consolidation — the units with their status, the files with
 * their state, and statistics across units.
 *
 * <p>The statistics describe one column at a time (one indicator's score, or one key figure) over the units that gave
 * a value: {@link org.evalbook.consolidate.ColumnStatistics} (count, mean, median, quartiles, sample standard
 * deviation, range, by the estimators of Excel's AVERAGE, MEDIAN, QUARTILE and STDEV, computed with Apache Commons
 * Math) and {@link org.evalbook.consolidate.Outliers} (the units beyond the IQR fences, 偏高 or 偏低). A blank is never a
 * value here: the caller leaves it out. An outlier is something for a reviewer to look at, not a finding: a unit far
 * from the others may be right.
 */
package org.evalbook.consolidate;
