package org.evalbook.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes each message as {@code <单位代码>_<单位名称>_<类别>.eml}, for a bureau that sends from its own mail program. */
final class EmlPostbox implements Postbox {
    private final Path folder;

    EmlPostbox(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    @Override
    public String post(MimeMessage message, Outgoing mail) throws MessagingException, IOException {
        Path target = folder.resolve(SafeNames.clean(mail.unitCode() + "_" + mail.unitName() + "_" + mail.kind().label()) + ".eml");
        Path temp = Files.createTempFile(folder, ".evalbook-", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                message.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return SendLog.WRITTEN;
    }

    @Override
    public void close() {
        // Every file is closed as it is written.
    }
}
