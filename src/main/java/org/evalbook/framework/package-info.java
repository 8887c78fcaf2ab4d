/**
 * Stage 1 — the framework: the single source of truth every later stage derives from.
 *
 * <p>In: a framework folder ({@code workbook-templates/<id>/}: {@code framework.yaml}, {@code fields.yaml},
 * {@code indicators.yaml}, {@code checks.yaml}, {@code profiles/*.yaml}). Out: an immutable, validated
 * {@link org.evalbook.framework.Framework}, the field contract ({@link org.evalbook.framework.FieldContract}) and
 * the value records the stages exchange ({@link org.evalbook.framework.FieldValues}).
 *
 * <p>A wrong framework is refused with a {@link org.evalbook.framework.FrameworkException} whose message names the
 * file, the entry and the fix; nothing else in this package throws for user input.
 */
package org.evalbook.framework;
