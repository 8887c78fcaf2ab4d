package org.evalbook.mail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * How a command's mails go out: through the configured SMTP server, or as .eml files into a folder.
 *
 * @param eml    the folder for .eml files; empty to send by SMTP
 * @param resend send again what the send log says was sent
 */
public record Delivery(MailConfig config, Passwords passwords, Optional<Path> eml, boolean resend, Clock clock) {
    /**
     * Sends every mail, logging each in {@code logFolder}'s send log, and lists the failures on {@code err}.
     *
     * @return whether every mail went out (or was sent before)
     */
    boolean deliver(List<Outgoing> mails, Path logFolder, PrintWriter out, PrintWriter err) throws MailException, IOException {
        SendLog log = SendLog.in(logFolder);
        List<String> failures;
        try (Postbox postbox = open()) {
            failures = new SendJob(config, log, clock, out).run(postbox, mails, resend);
        }
        if (!failures.isEmpty()) {
            err.println("以下 " + failures.size() + " 封邮件未能发出（已记入 " + log.file() + "）：");
            failures.forEach(line -> err.println("  " + line));
            err.flush();
        }
        return failures.isEmpty();
    }

    private Postbox open() throws MailException, IOException {
        if (eml.isPresent()) {
            return new EmlPostbox(eml.get());
        }
        return SmtpPostbox.connect(Sessions.smtp(config.smtp()), config.smtp(), passwords.smtp(config.smtp()));
    }
}
