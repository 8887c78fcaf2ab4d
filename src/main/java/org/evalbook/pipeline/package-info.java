/**
 * The per-return pipeline that {@code check}, {@code demo} and {@code consolidate} share: files found
 * ({@link org.evalbook.intake.ReceivedFiles}) → read in isolated workers → checked here under a time limit → annotated
 * copies made by the worker that read the file ({@link org.evalbook.pipeline.CopyFolder}: every readable return, or
 * returns with errors held back until the caller keeps the accepted ones) → duplicates of one unit marked (C25). In: a
 * scan and options. Out: one {@link org.evalbook.pipeline.CheckedReturn} per file found, the files skipped on purpose,
 * the copies written. Raises F08 (a check over its time limit), F14 (evalbook's own bug on one file), F17 (odd file
 * names), F18 (files that cannot be opened) and C25.
 */
package org.evalbook.pipeline;
