package org.evalbook.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** Where built messages go: an SMTP server, or .eml files for the bureau's own mail program. */
interface Postbox extends AutoCloseable {
    /**
     * @return the send log's result for this message ({@link SendLog#SENT} or {@link SendLog#WRITTEN})
     * @throws MessagingException when this one message was refused (the others still go)
     */
    String post(MimeMessage message, Outgoing mail) throws MessagingException, IOException;

    @Override
    void close() throws MailException;
}
