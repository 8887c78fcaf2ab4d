package org.evalbook.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Builds the MIME message of an {@link Outgoing}: UTF-8 text, attachments named by RFC 2231, a fixed Message-ID. */
final class Messages {
    private Messages() {
    }

    static MimeMessage build(Session session, MailConfig config, Outgoing mail, Instant now) throws MessagingException {
        String domain = config.fromAddress().substring(config.fromAddress().indexOf('@') + 1);
        MimeMessage message = new FixedIdMessage(session, "<evalbook." + UUID.randomUUID() + "@" + domain + ">");
        try {
            message.setFrom(new InternetAddress(config.fromAddress(), config.fromName(), StandardCharsets.UTF_8.name()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.address(), mail.unitName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        message.setSubject(mail.text().subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(now));
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(mail.text().body(), StandardCharsets.UTF_8.name());
        parts.addBodyPart(body);
        for (Path file : mail.attachments()) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new FileDataSource(file.toFile())));
            attachment.setFileName(file.getFileName().toString());
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            parts.addBodyPart(attachment);
        }
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    /** Keeps the Message-ID chosen before sending, so the send log names the ID the unit's reply will refer to. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
