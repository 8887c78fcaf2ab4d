package org.evalbook.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real SMTP and IMAP server on loopback (GreenMail), and the evalbook.yaml that points at it. */
public final class MailServer {
    public static final String BUREAU = "jxpj@example.gov.cn";
    /** Distinctive, so a test can search every output for it. */
    public static final String PASSWORD = "Zq9-s3cr3t-pw-7731";

    private MailServer() {
    }

    public static GreenMailExtension extension() {
        return new GreenMailExtension(com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(BUREAU, BUREAU, PASSWORD))
                .withPerMethodLifecycle(true);
    }

    public static Path config(GreenMailExtension server, Path dir) throws IOException {
        String yaml = """
                mail:
                  from: { name: 某某区财政局绩效评价科, address: %s }
                  smtp: { host: 127.0.0.1, port: %d, security: none, user: %s }
                  imap: { host: 127.0.0.1, port: %d, security: none, user: %s, folder: INBOX }
                """.formatted(BUREAU, server.getSmtp().getPort(), BUREAU, server.getImap().getPort(), BUREAU);
        return Files.writeString(dir.resolve("evalbook.yaml"), yaml, StandardCharsets.UTF_8);
    }
}
