/**
 * Stage 6 — report: what people read. In this version, a unit's recomputed score sheet as Chinese text for the
 * terminal; the consolidated workbook and narrative summary follow.
 */
package org.evalbook.report;
