/**
 * The thin command line on top of the stages: one small picocli command per subcommand, each returning a
 * named exit code ({@link org.evalbook.cli.ExitCode}) and writing through picocli's injectable writers.
 */
package org.evalbook.cli;
