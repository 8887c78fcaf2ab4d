/**
 * The per-return pipeline that {@code check} and {@code demo} share: files found ({@link org.evalbook.intake.ReceivedFiles})
 * → read in isolated workers → checked here under a time limit → annotated copies made by the worker that read the file
 * → duplicates of one unit marked (C25). In: a scan and options. Out: one {@link org.evalbook.check.CheckResult} per file
 * found, the files skipped on purpose, the copies written. Raises F08 (a check over its time limit), F14 (evalbook's own
 * bug on one file), F17 (odd file names), F18 (files that cannot be opened) and C25.
 */
package org.evalbook.pipeline;
