package org.evalbook.mail;

import java.nio.file.Path;
import java.util.List;

/**
 * One mail to one unit, before it is sent.
 *
 * @param what        what is being sent, for the send log's idempotency (the attached file's name, or the day)
 * @param attachments the files attached, under their own names
 */
record Outgoing(MailTemplate.Kind kind, String unitCode, String unitName, String address, MailTemplate.Text text,
                List<Path> attachments, String what) {
    Outgoing {
        attachments = List.copyOf(attachments);
    }

    /** What the send log keys a mail by: a rerun skips a mail whose key was sent before. */
    SendLog.Key key() {
        return new SendLog.Key(kind.label(), unitCode, what);
    }
}
