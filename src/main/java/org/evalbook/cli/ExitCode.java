package org.evalbook.cli;

/** The exit codes every subcommand uses. */
final class ExitCode {
    /** Done (for {@code check}: done, no errors found). */
    static final int OK = 0;
    /** {@code check} only: errors were found in the returns. */
    static final int FINDINGS = 1;
    /** {@code issue --mail}, {@code remind}, {@code notify}: some mails did not go out; {@code collect}: some mail not saved. */
    static final int NOT_ALL_SENT = 1;
    /** Bad usage or a framework that cannot be used. */
    static final int USAGE = 2;
    /** A bug in evalbook. */
    static final int INTERNAL = 3;

    private ExitCode() {
    }
}
