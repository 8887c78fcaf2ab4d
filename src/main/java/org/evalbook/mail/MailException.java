package org.evalbook.mail;

/**
 * Mail that cannot be configured, sent or collected; the message is Chinese, says what to do, and never carries a
 * password or a mail library's own text (the cause is kept for a developer, never printed).
 */
public final class MailException extends Exception {
    private static final long serialVersionUID = 1L;

    MailException(String message) {
        super(message);
    }

    MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
