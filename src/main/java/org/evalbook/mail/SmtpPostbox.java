package org.evalbook.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** One SMTP connection for a whole run; each message is sent (and may be refused) on its own. */
final class SmtpPostbox implements Postbox {
    private final Transport transport;

    private SmtpPostbox(Transport transport) {
        this.transport = transport;
    }

    static SmtpPostbox connect(Session session, Server server, Passwords.Password password) throws MailException {
        try {
            Transport transport = session.getTransport();
            transport.connect(server.host(), server.port(), server.user(), password.reveal());
            return new SmtpPostbox(transport);
        } catch (AuthenticationFailedException refused) {
            throw new MailException("发件服务器 " + server.host() + " 拒绝了用户 " + server.user()
                    + " 的登录。请核对 EVALBOOK_SMTP_PASSWORD 中的密码（部分邮箱需使用“授权码”而非登录密码）。", null);
        } catch (MessagingException unreachable) {
            throw new MailException("无法连接发件服务器 " + server.host() + ":" + server.port() + "（" + server.security().name().toLowerCase(java.util.Locale.ROOT)
                    + "）。请检查 evalbook.yaml 中的地址、端口和加密方式，以及网络是否可用。", null);
        }
    }

    @Override
    public String post(MimeMessage message, Outgoing mail) throws MessagingException {
        transport.sendMessage(message, message.getAllRecipients());
        return SendLog.SENT;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException alreadyGone) {
            // The messages are sent or logged as failed; a connection that fails to close loses nothing.
        }
    }
}
