/**
 * The thin command line on top of the stages: one small picocli command per subcommand, each returning a
 * named exit code ({@link org.evalbook.cli.ExitCode}) and writing through picocli's injectable writers.
 * Everything the help shows is Chinese, from {@code Messages.properties} beside this package's classes; a usage
 * error is one Chinese line ({@link org.evalbook.cli.UsageErrors}); every date option reads its value with
 * {@link org.evalbook.cli.DateConverter}.
 */
package org.evalbook.cli;
