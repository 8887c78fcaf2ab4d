package org.evalbook.mail;

import java.time.OffsetDateTime;

/**
 * Where one attachment came from, as the receipt log records it.
 *
 * @param receivedAt when the IMAP server received the message (its INTERNALDATE), not the sender's clock
 * @param index      the attachment's place in its message, from 1; "2.3" is the third file unpacked from the second
 */
record Incoming(OffsetDateTime receivedAt, String sender, String subject, String messageId, long uidValidity, long uid, String index) {
    Incoming entry(int n) {
        return new Incoming(receivedAt, sender, subject, messageId, uidValidity, uid, index + "." + n);
    }
}
