/**
 * Findings: what evalbook reports about a returned workbook. A finding is data, not an exception: a stable code
 * ({@link org.evalbook.finding.FindingCode}), a severity, where (file, sheet, cell, field), expected and actual, and a
 * Chinese message that says what is wrong and what to do. Every stage that reads or checks raises them; the list of
 * codes in {@code docs/findings.md} is generated from {@link org.evalbook.finding.FindingCode}.
 */
package org.evalbook.finding;
