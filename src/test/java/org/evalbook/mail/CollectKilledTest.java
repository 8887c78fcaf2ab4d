package org.evalbook.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evalbook.intake.ReceiptLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * collect in its own JVM, killed (SIGKILL) partway through a mailbox of 30 returns, then run again: every attachment is
 * saved exactly once and nothing half-written is left. The kill always lands partway, however loaded the machine: the
 * child reaches the server through a relay that stops passing its commands on at message {@value #HELD_FROM}.
 */
class CollectKilledTest {
    private static final int MESSAGES = 30;
    private static final int HELD_FROM = 16;
    private static final long SEED = 7731L;

    @RegisterExtension
    GreenMailExtension server = MailServer.extension();

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aCollectKilledPartwayLosesNothingAndSavesNothingTwice() throws Exception {
        Map<String, byte[]> sent = deliverReturns();
        Path into = temp.resolve("received");
        Path direct = MailServer.config(server, Files.createDirectories(temp.resolve("direct")));
        Process child;
        try (GatedRelay relay = new GatedRelay(server.getImap().getPort(), HELD_FROM)) {
            Path relayed = Files.writeString(temp.resolve("relayed.yaml"), Files.readString(direct, StandardCharsets.UTF_8)
                    .replace("port: " + server.getImap().getPort(), "port: " + relay.port()), StandardCharsets.UTF_8);
            child = collectInChild(into, relayed);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (ReceiptLog.read(into).isEmpty()) {
                assertThat(child.isAlive()).as("collect ended before saving anything: %s", output()).isTrue();
                assertThat(System.nanoTime()).as("no receipt within two minutes: %s", output()).isLessThan(deadline);
                Thread.sleep(20);
            }
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        int before = ReceiptLog.read(into).size();
        assertThat(before).as(output()).isBetween(1, HELD_FROM - 1);

        Collector.Result rerun = Collector.collect(MailConfig.read(direct), passwords(), into, ZoneId.of("Asia/Shanghai"),
                new PrintWriter(new StringWriter()));

        List<ReceiptLog.Receipt> log = ReceiptLog.read(into);
        assertThat(log).hasSize(MESSAGES);
        assertThat(rerun.saved() + rerun.alreadyCollected()).isEqualTo(MESSAGES);
        assertThat(log).extracting(ReceiptLog.Receipt::uid).doesNotHaveDuplicates();
        assertThat(log).extracting(ReceiptLog.Receipt::savedName).containsExactlyInAnyOrderElementsOf(sent.keySet());
        List<String> files;
        try (Stream<Path> listed = Files.list(into)) {
            files = listed.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ReceiptLog.FILE_NAME)).toList();
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(sent.keySet());
        for (Map.Entry<String, byte[]> file : sent.entrySet()) {
            assertThat(Files.readAllBytes(into.resolve(file.getKey()))).as(file.getKey()).isEqualTo(file.getValue());
        }
        for (ReceiptLog.Receipt receipt : log) {
            assertThat(receipt.sha256()).isEqualTo(ReceiptStore.sha256(sent.get(receipt.savedName())));
        }
    }

    /** 30 returns from 30 units, one workbook each (256 KB, so a kill may land while one is being written). */
    private Map<String, byte[]> deliverReturns() throws Exception {
        Random random = new Random(SEED);
        Map<String, byte[]> sent = new HashMap<>();
        Session session = Session.getInstance(new Properties());
        for (int i = 1; i <= MESSAGES; i++) {
            String name = String.format("r%02d.xlsx", i);
            byte[] content = new byte[256 * 1024];
            random.nextBytes(content);
            sent.put(name, content);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("unit" + i + "@example.cn"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(MailServer.BUREAU));
            message.setSubject("回收 " + i, "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("见附件。", "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(content, "application/octet-stream");
            file.setFileName(name);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(text, file));
            message.saveChanges();
            server.getUserManager().getUser(MailServer.BUREAU).deliver(message);
        }
        return sent;
    }

    private Process collectInChild(Path into, Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.evalbook.cli.Main",
                "collect", "--into", into.toString(), "--config", config.toString());
        builder.environment().put(Passwords.IMAP_VARIABLE, MailServer.PASSWORD);
        builder.redirectErrorStream(true).redirectOutput(temp.resolve("child.txt").toFile());
        return builder.start();
    }

    private String output() {
        try {
            return Files.readString(temp.resolve("child.txt"), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "(no output)";
        }
    }

    private static Passwords passwords() {
        return new Passwords(Map.of(Passwords.IMAP_VARIABLE, MailServer.PASSWORD), q -> Optional.empty());
    }

    /**
     * A loopback relay in front of the IMAP server. It passes the server's replies on as they come, and the client's
     * commands line by line until the client asks for a single message numbered {@code heldFrom} or later; from then
     * on it passes nothing more, so the client waits with every earlier message done and every later one not begun.
     */
    private static final class GatedRelay implements AutoCloseable {
        private static final Pattern ONE_MESSAGE = Pattern.compile("(?i) FETCH (\\d+) \\(");
        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        GatedRelay(int target, int heldFrom) throws IOException {
            listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = listener.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        sockets.add(client);
                        sockets.add(upstream);
                        daemon(() -> copy(upstream.getInputStream(), client.getOutputStream()));
                        daemon(() -> commands(client.getInputStream(), upstream.getOutputStream(), heldFrom));
                    }
                } catch (IOException closed) {
                    // The relay is closed at the end of the test.
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void copy(InputStream in, OutputStream out) throws IOException {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }

        private static void commands(InputStream in, OutputStream out, int heldFrom) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                line.write(b);
                if (b != '\n') {
                    continue;
                }
                Matcher fetch = ONE_MESSAGE.matcher(line.toString(StandardCharsets.ISO_8859_1));
                if (fetch.find() && Integer.parseInt(fetch.group(1)) >= heldFrom) {
                    return;
                }
                out.write(line.toByteArray());
                out.flush();
                line.reset();
            }
        }

        private interface Pump {
            void run() throws IOException;
        }

        private static void daemon(Pump pump) {
            Thread thread = new Thread(() -> {
                try {
                    pump.run();
                } catch (IOException closed) {
                    // Either side hung up, or the test closed the relay.
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            List<Socket> open = new ArrayList<>(sockets);
            for (Socket socket : open) {
                socket.close();
            }
        }
    }
}
