/**
 * Stage 3 — intake: what units send back, read safely into {@link org.evalbook.intake.RawReturn}s and interpreted
 * into {@link org.evalbook.framework.FieldValues}.
 *
 * <p>In: the files and folders named on the command line ({@link org.evalbook.intake.ReceivedFiles}: every entry found
 * is a file to read, one that cannot be opened, or one skipped on purpose). Each file is read in an isolated worker
 * process ({@link org.evalbook.intake.IsolatedReader}), which gets the file's bytes, never its name; the same worker
 * later applies an {@link org.evalbook.intake.Annotation} to exactly what it read. Out: one {@link
 * org.evalbook.intake.RawReturn} per file (format, meta, the contract names found, findings about the file), then
 * {@link org.evalbook.intake.ReadReturn} (values as exact decimals, sources, computed cells). Also the figures files of
 * the bundled samples. Raises F01–F16 (the file itself) and C13, C21, C24 (values as typed).
 */
package org.evalbook.intake;
