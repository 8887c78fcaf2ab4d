package org.evalbook.mail;

import java.util.Locale;
import java.util.Optional;

/** How a connection to the mail server is protected, as {@code security:} names it in evalbook.yaml. */
public enum Security {
    /** TLS from the first byte (SMTP 465, IMAP 993). */
    SSL,
    /** Plain first, then upgraded with STARTTLS (SMTP 587, IMAP 143); refused when the server cannot upgrade. */
    STARTTLS,
    /** No encryption: for a test server on this machine only. */
    NONE;

    static Optional<Security> of(String text) {
        for (Security security : values()) {
            if (security.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(security);
            }
        }
        return Optional.empty();
    }
}
