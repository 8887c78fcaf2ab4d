package org.evalbook.mail;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * Jakarta Mail sessions for one server: timeouts so a dead server cannot hang a run, certificates checked, Chinese
 * attachment names written by RFC 2231 and read back from every encoding units' mail programs use.
 */
final class Sessions {
    private static final String TIMEOUT_MS = "30000";

    private Sessions() {
    }

    /** A session that only builds and parses messages (for --eml and for reading collected mail). */
    static Session offline() {
        return Session.getInstance(mime());
    }

    static Session smtp(Server server) {
        return Session.getInstance(connection(mime(), "smtp", server));
    }

    static Session imap(Server server) {
        return Session.getInstance(connection(mime(), "imap", server));
    }

    private static Properties mime() {
        Properties props = new Properties();
        // RFC 2231 for parameters (filename*=UTF-8''…) is Jakarta's default; said here so no system property can undo it.
        props.put("mail.mime.encodeparameters", "true");
        props.put("mail.mime.decodeparameters", "true");
        // Outlook and Foxmail put RFC 2047 words (=?GBK?B?…?=) inside filename="…", which RFC 2231 forbids but all send.
        props.put("mail.mime.decodefilename", "true");
        // A header's raw 8-bit bytes stay one char per byte, so AttachmentNames can tell GBK from UTF-8 afterwards.
        props.put("mail.mime.allowutf8", "false");
        props.put("mail.mime.charset", "UTF-8");
        return props;
    }

    private static Properties connection(Properties props, String protocol, Server server) {
        String name = server.security() == Security.SSL ? protocol + "s" : protocol;
        props.put(protocol.equals("smtp") ? "mail.transport.protocol" : "mail.store.protocol", name);
        String prefix = "mail." + name + ".";
        props.put(prefix + "host", server.host());
        props.put(prefix + "port", Integer.toString(server.port()));
        props.put(prefix + "user", server.user());
        props.put(prefix + "connectiontimeout", TIMEOUT_MS);
        props.put(prefix + "timeout", TIMEOUT_MS);
        props.put(prefix + "writetimeout", TIMEOUT_MS);
        if (protocol.equals("smtp")) {
            props.put(prefix + "auth", "true");
        }
        if (server.security() == Security.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (server.security() != Security.NONE) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        return props;
    }
}
