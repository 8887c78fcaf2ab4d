package org.evalbook.mail;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code collect}: every attachment of every message in the IMAP folder that the receipt log does not have yet,
 * saved into one folder (zip attachments unpacked) and logged. The mailbox is opened read-only: nothing is marked,
 * moved or deleted, so the bureau's own mail program sees the mail as before.
 */
public final class Collector {
    /** Messages over this size are not fetched (a return is a few MB); the command lists them for the clerk. */
    static final int MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

    /** What a run did. */
    public record Result(int saved, int alreadyCollected, List<String> problems) {
    }

    private final ReceiptStore store;
    private final ZoneId zone;
    private final PrintWriter out;
    private final List<String> problems = new ArrayList<>();
    private int saved;
    private int already;

    private Collector(ReceiptStore store, ZoneId zone, PrintWriter out) {
        this.store = store;
        this.zone = zone;
        this.out = out;
    }

    public static Result collect(MailConfig config, Passwords passwords, Path into, ZoneId zone, PrintWriter out)
            throws MailException, IOException {
        return collect(config, passwords, into, zone, out, file -> { });
    }

    static Result collect(MailConfig config, Passwords passwords, Path into, ZoneId zone, PrintWriter out, ReceiptStore.Checkpoint checkpoint)
            throws MailException, IOException {
        Collector collector = new Collector(ReceiptStore.open(into, checkpoint), zone, out);
        Server imap = config.imap();
        Session session = Sessions.imap(imap);
        try (Store mailbox = connect(session, imap, passwords)) {
            Folder folder = mailbox.getFolder(imap.folder());
            if (!folder.exists()) {
                throw new MailException("收件服务器上没有文件夹“" + imap.folder() + "”。请检查 evalbook.yaml 中的 mail.imap.folder。");
            }
            folder.open(Folder.READ_ONLY);
            try {
                collector.folder(folder);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException lost) {
            throw new MailException("与收件服务器 " + imap.host() + " 的连接中断。已保存的附件均已记入收件记录；请稍后再运行一次 collect，"
                    + "已收的不会重复保存。", lost);
        }
        return new Result(collector.saved, collector.already, collector.problems);
    }

    private static Store connect(Session session, Server imap, Passwords passwords) throws MailException {
        Passwords.Password password = passwords.imap(imap);
        try {
            Store store = session.getStore();
            store.connect(imap.host(), imap.port(), imap.user(), password.reveal());
            return store;
        } catch (jakarta.mail.AuthenticationFailedException refused) {
            throw new MailException("收件服务器 " + imap.host() + " 拒绝了用户 " + imap.user()
                    + " 的登录。请核对 EVALBOOK_IMAP_PASSWORD 中的密码（部分邮箱需使用“授权码”，并在网页邮箱设置中开启 IMAP）。");
        } catch (MessagingException unreachable) {
            throw new MailException("无法连接收件服务器 " + imap.host() + ":" + imap.port() + "。请检查 evalbook.yaml 中的地址、端口和加密方式，以及网络是否可用。");
        }
    }

    private void folder(Folder folder) throws MessagingException, IOException {
        UIDFolder uids = (UIDFolder) folder;
        long uidValidity = uids.getUIDValidity();
        Message[] messages = folder.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, profile);
        for (Message message : messages) {
            long uid = uids.getUID(message);
            if (message.getSize() > MAX_MESSAGE_BYTES) {
                problems.add("邮件“" + AttachmentNames.text(Optional.ofNullable(message.getSubject()).orElse("")) + "”超过 100 MB，未下载，请在邮箱中手工保存其附件。");
                continue;
            }
            message(message, uidValidity, uid);
        }
    }

    private void message(Message message, long uidValidity, long uid) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        // Parsed again from the exact bytes: the server's own parse of odd headers (raw GBK) is not trusted.
        MimeMessage mime = new MimeMessage(Sessions.offline(), new ByteArrayInputStream(raw.toByteArray()));
        Date received = Optional.ofNullable(message.getReceivedDate()).or(() -> Optional.ofNullable(sentDate(mime))).orElseGet(Date::new);
        Incoming base = new Incoming(OffsetDateTime.ofInstant(received.toInstant(), zone), sender(mime),
                AttachmentNames.text(jakarta.mail.internet.MimeUtility.unfold(Optional.ofNullable(mime.getHeader("Subject", null)).orElse(""))).strip(),
                Optional.ofNullable(mime.getMessageID()).orElse(""), uidValidity, uid, "");
        List<Part> attachments = new ArrayList<>();
        parts(mime, attachments);
        for (int i = 0; i < attachments.size(); i++) {
            Incoming from = new Incoming(base.receivedAt(), base.sender(), base.subject(), base.messageId(), uidValidity, uid, Integer.toString(i + 1));
            attachment(attachments.get(i), from);
        }
    }

    private void attachment(Part part, Incoming from) throws MessagingException, IOException {
        String name = AttachmentNames.of(part).orElse("附件");
        byte[] content = part.getInputStream().readAllBytes();
        if (!ZipEntries.isZip(name, content)) {
            save(from, name, content, "");
            return;
        }
        ZipEntries.Unpacked unpacked = ZipEntries.unpack(content, ZipEntries.Limits.DEFAULT);
        if (!unpacked.refusal().isEmpty()) {
            // The zip itself is kept and logged with the reason, so a refused zip is never lost and a rerun does not retry it.
            String note = unpacked.refusal() + "，已原样保存，请手工核对";
            if (save(from, name, content, note)) {
                problems.add("“" + name + "”（" + from.sender() + "）：" + note + "。");
            }
            return;
        }
        List<ZipEntries.Entry> entries = unpacked.entries();
        for (int n = 0; n < entries.size(); n++) {
            ZipEntries.Entry entry = entries.get(n);
            save(from.entry(n + 1), name + "/" + entry.name(), entry.content(), entry.note());
        }
    }

    /** @return whether this run logged it (false when an earlier run had) */
    private boolean save(Incoming from, String name, byte[] content, String note) throws IOException {
        if (store.collected(from.uidValidity(), from.uid(), from.index())) {
            already++;
            return false;
        }
        ReceiptStore.Saved placed = store.save(from, name, content, note);
        saved++;
        out.println((placed.written() ? "已保存：" : "已记录（与此前收到的文件相同）：") + placed.name() + "（" + from.sender() + "，" + from.receivedAt() + "）"
                + (note.isEmpty() ? "" : "——" + note));
        out.flush();
        return true;
    }

    /** Every part that is a file: named, or marked as an attachment; text and alternative bodies are not. */
    private static void parts(Part part, List<Part> attachments) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                parts(multipart.getBodyPart(i), attachments);
            }
            return;
        }
        if (part instanceof MimeMessage) {
            return;
        }
        if (AttachmentNames.of(part).isPresent() || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part);
        }
    }

    private static String sender(MimeMessage mime) {
        try {
            Address[] from = mime.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address && address.getAddress() != null) {
                return address.getAddress().toLowerCase(Locale.ROOT);
            }
        } catch (MessagingException unparsable) {
            // An unreadable From is logged as empty: the attachment is still saved.
        }
        return "";
    }

    private static Date sentDate(MimeMessage mime) {
        try {
            return mime.getSentDate();
        } catch (MessagingException unparsable) {
            return null;
        }
    }
}
