package org.evalbook.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.evalbook.intake.ReceiptLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** collect against a real IMAP server: hostile and Chinese names, reruns, and a run killed halfway. */
class CollectTest {
    private static final Charset GBK = Charset.forName("GBK");

    @RegisterExtension
    GreenMailExtension server = MailServer.extension();

    @TempDir
    Path temp;

    private final Passwords passwords = new Passwords(Map.of(Passwords.IMAP_VARIABLE, MailServer.PASSWORD), q -> Optional.empty());

    @Test
    void everyEncodingOfAChineseNameDecodesAndHostileNamesAreSavedSafely() throws Exception {
        deliver(message("unit1@example.cn", "回收", List.of(
                part("filename=\"../../x.xlsx\"", "one"),
                part("filename*=UTF-8''" + "a".repeat(296) + ".pdf", "two"),
                part("filename*=UTF-8''a%0Db%07c.xlsx", "three"),
                part("filename*=UTF-8''%E4%B8%80%E5%8F%B7%E8%A1%A8.xlsx", "four"),
                part("filename*=GBK''" + percent("二号表.xlsx", GBK), "five"),
                part("filename=\"" + word("三号表.xlsx", StandardCharsets.UTF_8, "UTF-8") + "\"", "six"),
                part("filename=\"" + word("四号表.xlsx", GBK, "GBK") + "\"", "seven"),
                part("filename=\"" + word("五号表·附件.pdf", Charset.forName("GB18030"), "GB18030") + "\"", "eight"))));
        deliver(rawGbkMessage("unit2@example.cn", "六号表.xlsx", "nine"));
        Path into = temp.resolve("收回");

        Collector.Result result = collect(into);

        assertThat(result.saved()).isEqualTo(9);
        assertThat(names(into)).containsExactlyInAnyOrder("x.xlsx", "a_b_c.xlsx", "一号表.xlsx", "二号表.xlsx", "三号表.xlsx", "四号表.xlsx",
                "五号表·附件.pdf", "六号表.xlsx", "a".repeat(143) + "….pdf", ReceiptLog.FILE_NAME);
        assertThat(Files.exists(temp.resolve("x.xlsx"))).isFalse();
        assertThat(Files.readString(into.resolve("二号表.xlsx"))).isEqualTo("five");
        List<ReceiptLog.Receipt> log = ReceiptLog.read(into);
        assertThat(log).hasSize(9);
        ReceiptLog.Receipt first = log.get(0);
        assertThat(first.sender()).isEqualTo("unit1@example.cn");
        assertThat(first.subject()).isEqualTo("回收");
        assertThat(first.originalName()).isEqualTo("../../x.xlsx");
        assertThat(first.savedName()).isEqualTo("x.xlsx");
        assertThat(first.sha256()).isEqualTo(ReceiptStore.sha256("one".getBytes(StandardCharsets.UTF_8)));
        assertThat(log).extracting(ReceiptLog.Receipt::index).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "1");
        assertThat(Files.readAllBytes(into.resolve(ReceiptLog.FILE_NAME))).startsWith(0xEF, 0xBB, 0xBF);
    }

    @Test
    void eachAttachmentIsSavedOnceAcrossRunsWithANewMessageInBetween() throws Exception {
        deliver(message("unit1@example.cn", "一", List.of(part("filename=\"a.xlsx\"", "A"), part("filename=\"b.pdf\"", "B"))));
        Path into = temp.resolve("收回");
        assertThat(collect(into).saved()).isEqualTo(2);
        assertThat(collect(into).saved()).isZero();
        deliver(message("unit2@example.cn", "二", List.of(part("filename=\"a.xlsx\"", "A2"), part("filename=\"包.zip\"", zip()))));

        Collector.Result again = collect(into);

        assertThat(again.saved()).isEqualTo(3);
        assertThat(again.alreadyCollected()).isEqualTo(2);
        assertThat(names(into)).containsExactlyInAnyOrder("a.xlsx", "b.pdf", "a (2).xlsx", "z.xlsx", "表.xlsx", ReceiptLog.FILE_NAME);
        assertThat(Files.readString(into.resolve("a (2).xlsx"))).isEqualTo("A2");
        assertThat(ReceiptLog.read(into)).extracting(ReceiptLog.Receipt::originalName)
                .containsExactly("a.xlsx", "b.pdf", "a.xlsx", "包.zip/../../z.xlsx", "包.zip/文件夹/表.xlsx");
        assertThat(collect(into).saved()).isZero();
        assertThat(ReceiptLog.read(into)).hasSize(5);
    }

    @Test
    void aRunKilledAfterAFileIsPlacedLosesNothingAndSavesNothingTwice() throws Exception {
        deliver(message("unit1@example.cn", "一", List.of(part("filename=\"a.xlsx\"", "A"), part("filename=\"b.xlsx\"", "B"))));
        Path into = Files.createDirectories(temp.resolve("收回"));
        Files.writeString(into.resolve(".evalbook-123.part"), "half a file");
        assertThatThrownBy(() -> Collector.collect(config(), passwords, into, ZoneId.of("Asia/Shanghai"), new PrintWriter(new StringWriter()),
                file -> {
                    throw new IOException("killed");
                })).hasMessage("killed");
        assertThat(names(into)).containsExactlyInAnyOrder("a.xlsx");

        Collector.Result rerun = collect(into);

        assertThat(rerun.saved()).isEqualTo(2);
        assertThat(names(into)).containsExactlyInAnyOrder("a.xlsx", "b.xlsx", ReceiptLog.FILE_NAME);
        assertThat(ReceiptLog.read(into)).extracting(ReceiptLog.Receipt::savedName).containsExactly("a.xlsx", "b.xlsx");
    }

    /** Zips are unpacked in memory first: one over a cap stays packed, saved as sent, and the log and terminal say why. */
    @Test
    void aZipOverACapOrABombIsKeptPackedWithItsReasonInTheLogAndOnTheTerminal() throws Exception {
        Map<String, byte[]> many = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= ZipEntries.Limits.DEFAULT.entries() + 1; i++) {
            many.put("表" + i + ".xlsx", new byte[] {(byte) i});
        }
        Map<String, byte[]> mixed = new java.util.LinkedHashMap<>();
        mixed.put("../../evil.xlsx", "E".getBytes(StandardCharsets.UTF_8));
        mixed.put("附件/inner.zip", ZipEntriesTest.zip(Map.of("deep.xlsx", "D".getBytes(StandardCharsets.UTF_8))));
        mixed.put("好.xlsx", "G".getBytes(StandardCharsets.UTF_8));
        byte[] bomb = ZipEntriesTest.zeros("报表.xlsx", 64 * 1024 * 1024);
        deliver(message("unit1@example.cn", "压缩包", List.of(part("filename=\"炸弹.zip\"", bomb), part("filename=\"多.zip\"", ZipEntriesTest.zip(many)),
                part("filename=\"包.zip\"", ZipEntriesTest.zip(mixed)))));
        Path into = temp.resolve("收回");
        StringWriter terminal = new StringWriter();

        Collector.Result result = Collector.collect(config(), passwords, into, ZoneId.of("Asia/Shanghai"), new PrintWriter(terminal));

        assertThat(names(into)).containsExactlyInAnyOrder("炸弹.zip", "多.zip", "evil.xlsx", "inner.zip", "好.xlsx", ReceiptLog.FILE_NAME);
        try (Stream<Path> files = Files.list(into)) {
            assertThat(files.mapToLong(p -> p.toFile().length()).sum()).isLessThan(bomb.length + 64 * 1024);
        }
        assertThat(Files.readAllBytes(into.resolve("炸弹.zip"))).isEqualTo(bomb);
        assertThat(ReceiptLog.read(into)).extracting(ReceiptLog.Receipt::index, ReceiptLog.Receipt::originalName, ReceiptLog.Receipt::savedName,
                ReceiptLog.Receipt::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "炸弹.zip", "炸弹.zip", "压缩包内的 报表.xlsx 压缩比异常（超过 100 倍，疑似“压缩炸弹”），未解开，已原样保存，请手工核对"),
                org.assertj.core.groups.Tuple.tuple("2", "多.zip", "多.zip", "压缩包内文件超过 200 个，未解开，已原样保存，请手工核对"),
                org.assertj.core.groups.Tuple.tuple("3.1", "包.zip/../../evil.xlsx", "evil.xlsx", "压缩包内的路径指向包外，只按文件名保存在本文件夹"),
                org.assertj.core.groups.Tuple.tuple("3.2", "包.zip/附件/inner.zip", "inner.zip", "压缩包中的压缩包未再解开，请手工解开后放入本文件夹"),
                org.assertj.core.groups.Tuple.tuple("3.3", "包.zip/好.xlsx", "好.xlsx", ""));
        assertThat(result.problems()).containsExactly(
                "“炸弹.zip”（unit1@example.cn）：压缩包内的 报表.xlsx 压缩比异常（超过 100 倍，疑似“压缩炸弹”），未解开，已原样保存，请手工核对。",
                "“多.zip”（unit1@example.cn）：压缩包内文件超过 200 个，未解开，已原样保存，请手工核对。");
        assertThat(terminal.toString()).contains("已保存：inner.zip（unit1@example.cn，", "）——压缩包中的压缩包未再解开，请手工解开后放入本文件夹",
                "已保存：多.zip（", "）——压缩包内文件超过 200 个，未解开，已原样保存，请手工核对");

        Collector.Result rerun = collect(into);
        assertThat(rerun.saved()).isZero();
        assertThat(rerun.problems()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
        Passwords wrong = new Passwords(Map.of(Passwords.IMAP_VARIABLE, "Wrong-s3cr3t-XX-1"), q -> Optional.empty());
        assertThatThrownBy(() -> Collector.collect(config(), wrong, temp.resolve("收回"), ZoneId.of("Asia/Shanghai"), new PrintWriter(new StringWriter())))
                .isInstanceOf(MailException.class).hasMessageContaining("拒绝了用户 " + MailServer.BUREAU)
                .hasMessageNotContaining("Wrong-s3cr3t-XX-1").hasMessageNotContaining(MailServer.PASSWORD);
    }

    private Collector.Result collect(Path into) throws Exception {
        return Collector.collect(config(), passwords, into, ZoneId.of("Asia/Shanghai"), new PrintWriter(new StringWriter()));
    }

    private MailConfig config() throws Exception {
        return MailConfig.read(MailServer.config(server, temp));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Delivers the exact bytes, as a unit's mail program wrote them. */
    private void deliver(byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(Sessions.offline(), new ByteArrayInputStream(raw));
        server.getUserManager().getUser(MailServer.BUREAU).deliver(message);
    }

    private record Part(String disposition, byte[] content) {
    }

    private static Part part(String filenameParameter, String content) {
        return new Part(filenameParameter, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Part part(String filenameParameter, byte[] content) {
        return new Part(filenameParameter, content);
    }

    private static byte[] message(String from, String subject, List<Part> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "From: <" + from + ">\r\nTo: <" + MailServer.BUREAU + ">\r\nSubject: " + word(subject, StandardCharsets.UTF_8, "UTF-8")
                + "\r\nMessage-ID: <" + subject.hashCode() + "." + parts.size() + "@example.cn>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"BOUNDARY\"\r\n\r\n--BOUNDARY\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n见附件。\r\n");
        for (Part part : parts) {
            write(out, "--BOUNDARY\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; ");
            write(out, part.disposition() + "\r\n\r\n" + Base64.getMimeEncoder().encodeToString(part.content()) + "\r\n");
        }
        write(out, "--BOUNDARY--\r\n");
        return out.toByteArray();
    }

    /** An old client's message: the file name's GBK bytes raw in the header. */
    private static byte[] rawGbkMessage(String from, String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "From: <" + from + ">\r\nTo: <" + MailServer.BUREAU + ">\r\nSubject: raw\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"");
        out.write(name.getBytes(GBK));
        write(out, "\"\r\n\r\n" + Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)) + "\r\n--B--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
    }

    private static String word(String text, Charset charset, String name) {
        return "=?" + name + "?B?" + Base64.getEncoder().encodeToString(text.getBytes(charset)) + "?=";
    }

    private static String percent(String text, Charset charset) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(charset)) {
            if (b >= 0x21 && b < 0x7F && b != '%' && b != '\'' && b != '*') {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("../../z.xlsx"));
            zip.write("Z".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("文件夹/表.xlsx"));
            zip.write("T".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("__MACOSX/._表.xlsx"));
            zip.write("M".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
