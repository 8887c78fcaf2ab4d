package org.evalbook.report;

/**
 * Last year's consolidated workbook ({@code --previous}) cannot be used: not a file evalbook wrote, damaged, or too
 * large. The message, in Chinese, names the file and what to do. Bad usage (exit 2), never a finding about a return.
 */
public final class PreviousYearException extends Exception {
    private static final long serialVersionUID = 1L;

    PreviousYearException(String message) {
        super(message);
    }

    PreviousYearException(String message, Throwable cause) {
        super(message, cause);
    }
}
