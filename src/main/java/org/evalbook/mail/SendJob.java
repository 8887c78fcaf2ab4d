package org.evalbook.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a list of mails through one postbox, each logged as it goes: one refused address does not stop the others,
 * and a mail the log says was sent is not sent again unless {@code resend}.
 */
final class SendJob {
    private final MailConfig config;
    private final SendLog log;
    private final Clock clock;
    private final PrintWriter out;

    SendJob(MailConfig config, SendLog log, Clock clock, PrintWriter out) {
        this.config = config;
        this.log = log;
        this.clock = clock;
        this.out = out;
    }

    /** @return the lines of the mails that failed (empty when all went out) */
    List<String> run(Postbox postbox, List<Outgoing> mails, boolean resend) throws IOException {
        Session session = Sessions.offline();
        List<String> failures = new ArrayList<>();
        int skipped = 0;
        for (Outgoing mail : mails) {
            if (!resend && log.sent(mail.key())) {
                skipped++;
                continue;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            String messageId = "";
            String result;
            try {
                MimeMessage message = Messages.build(session, config, mail, now.toInstant());
                messageId = message.getMessageID();
                result = postbox.post(message, mail);
                out.println(result + "：" + mail.unitName() + " <" + mail.address() + ">（" + mail.kind().label() + "）");
            } catch (MessagingException refused) {
                result = "失败：" + reason(refused);
                failures.add(mail.unitCode() + " " + mail.unitName() + " <" + mail.address() + ">：" + reason(refused));
            }
            log.record(mail, messageId, now, result);
        }
        if (skipped > 0) {
            out.println("已跳过 " + skipped + " 封此前已发送的邮件（见 " + log.file() + "；确需重发请加 --resend）。");
        }
        out.flush();
        return failures;
    }

    /** Why one message did not go, in Chinese; the server's own text is not shown (it may be in any language). */
    private static String reason(MessagingException refused) {
        if (refused instanceof SendFailedException failed && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0) {
            return "服务器拒收此收件地址，请核对名册中的邮箱";
        }
        if (refused instanceof jakarta.mail.internet.AddressException) {
            return "邮箱地址格式不对，请核对名册中的邮箱";
        }
        return "服务器未接受此邮件，请稍后用同一命令重试（已发送的不会重发）";
    }
}
