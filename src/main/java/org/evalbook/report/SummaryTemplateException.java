package org.evalbook.report;

/**
 * A summary template or recommendations file the bureau edited that cannot be used; the message, in Chinese, names
 * the file, the place and the fix. Bad usage (exit 2), never a finding about a return.
 */
public final class SummaryTemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SummaryTemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    SummaryTemplateException(String message) {
        super(message);
    }
}
