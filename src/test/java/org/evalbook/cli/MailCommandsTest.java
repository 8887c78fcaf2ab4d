package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.evalbook.mail.MailServer;
import org.evalbook.mail.Passwords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** issue --mail, --eml, remind and notify against a real SMTP server on loopback; passwords never shown. */
class MailCommandsTest {
    private static final String ROSTER = "单位代码,单位名称,主管部门,联系人,邮箱,年度\n"
            + "0530101,昆明市计划生育协会,昆明市卫生健康委员会,张敏,kmjsx@example.cn,2024\n"
            + "0430405,珠晖区计划生育协会,衡阳市珠晖区卫生健康局,李娟,zhjsx@example.cn,2024\n";

    @RegisterExtension
    GreenMailExtension server = MailServer.extension();

    @TempDir
    Path temp;

    private Path config;
    private Path roster;

    @BeforeEach
    void setUp() throws Exception {
        config = MailServer.config(server, temp);
        roster = Files.writeString(temp.resolve("名册.csv"), ROSTER, StandardCharsets.UTF_8);
        MailOptions.environment = () -> Map.of(Passwords.SMTP_VARIABLE, MailServer.PASSWORD, Passwords.IMAP_VARIABLE, MailServer.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        MailOptions.environment = System::getenv;
    }

    @Test
    void issueMailDeliversEachUnitsWorkbookToItsAddressOnce() throws Exception {
        Path out = temp.resolve("下发");
        CliRun run = CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key", "--mail", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage message : received) {
            String to = message.getAllRecipients()[0].toString();
            String expected = to.contains("kmjsx@example.cn") ? "0530101_昆明市计划生育协会_2024.xlsx" : "0430405_珠晖区计划生育协会_2024.xlsx";
            List<Part> files = attachments(message);
            assertThat(files).hasSize(1);
            assertThat(files.get(0).getFileName()).isEqualTo(expected);
            try (InputStream in = files.get(0).getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(out.resolve(expected)));
            }
            assertThat(message.getSubject()).contains("填报表下发");
        }
        assertThat(Files.readAllLines(out.resolve("发送记录.csv"))).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain(MailServer.PASSWORD));

        CliRun again = CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key", "--mail", "--config", config.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("已跳过 2 封此前已发送的邮件");
        assertThat(server.getReceivedMessages()).hasSize(2);
    }

    @Test
    void anEmlParsesBackIntoRecipientSubjectAndAttachment() throws Exception {
        Path out = temp.resolve("下发");
        Path eml = temp.resolve("eml");
        CliRun run = CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key", "--eml", eml.toString(),
                "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = eml.resolve("0430405_珠晖区计划生育协会_下发.eml");
        String raw = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("filename*=UTF-8''0430405_%E7%8F%A0");
        MimeMessage parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(parsed.getAllRecipients()[0].toString()).contains("zhjsx@example.cn");
        assertThat(parsed.getSubject()).isEqualTo("【2024年度部门整体支出绩效自评】珠晖区计划生育协会 填报表下发");
        assertThat(attachments(parsed)).singleElement().satisfies(p -> assertThat(p.getFileName()).isEqualTo("0430405_珠晖区计划生育协会_2024.xlsx"));
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void remindReachesExactlyTheUnitsWithNothingReturned() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        try (Stream<Path> returned = Files.list(Path.of("test-workbooks/returned"))) {
            for (Path file : returned.toList()) {
                Files.copy(file, in.resolve(file.getFileName()));
            }
        }
        String sample = Path.of("test-workbooks/roster.xlsx").toString();
        CliRun dry = CliRun.of("remind", "--roster", sample, "--in", in.toString(), "--demo-key", "--dry-run", "--config", config.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("sgjsx@example.cn", "whjsx@example.cn").doesNotContain("zhjsx@", "kmjsx@");
        assertThat(server.getReceivedMessages()).isEmpty();

        CliRun run = CliRun.of("remind", "--roster", sample, "--in", in.toString(), "--demo-key", "--deadline", "2027-03-31", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> to = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            to.add(message.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""));
            assertThat(message.getSubject()).startsWith("【催报】");
        }
        assertThat(to).containsExactlyInAnyOrder("sgjsx@example.cn", "whjsx@example.cn");
    }

    @Test
    void notifySendsAnnotatedCopiesOnlyToUnitsWithErrors() throws Exception {
        Path in = Files.createDirectories(temp.resolve("收回"));
        Files.copy(Path.of("test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx"), in.resolve("0430405_珠晖区计划生育协会_2022.xlsx"));
        Files.copy(Path.of("test-workbooks/clean/0530102_五华区计划生育协会_2023.xlsx"), in.resolve("0530102_五华区计划生育协会_2023.xlsx"));
        // 珠晖's first submission, superseded by the later one above: notify must not act on it.
        Path first = Files.copy(Path.of("test-workbooks/returned/0430405_珠晖区计划生育协会_2022.xlsx"),
                Files.createDirectories(in.resolve("初报")).resolve("珠晖-初报.xlsx"));
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L));
        String sample = Path.of("test-workbooks/roster.xlsx").toString();
        Path annotated = temp.resolve("审核意见");
        Path json = temp.resolve("结果.json");
        CliRun consolidate = CliRun.of("consolidate", "--roster", sample, "--in", in.toString(), "--out", temp.resolve("汇总.xlsx").toString(),
                "--annotate", annotated.toString(), "--json", json.toString(), "--demo-key");
        assertThat(consolidate.exitCode()).as(consolidate.err()).isZero();
        // The sample roster's year (2017) is not the clean sample's (2023), so consolidate finds C19 on it; as notify
        // reads the JSON, the 五华 entry is made the clean return the unit would have sent.
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = mapper.readTree(json.toFile());
        for (var file : root.path("files")) {
            if (file.path("unit_code").asText().equals("0530102")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) file).put("errors", 0);
            }
        }
        mapper.writeValue(json.toFile(), root);
        assertThat(root.path("files").findValuesAsText("state")).containsExactlyInAnyOrder("已采用", "已采用", "被替代");

        CliRun run = CliRun.of("notify", "--results", json.toString(), "--annotated", annotated.toString(), "--roster", sample, "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("找不到审核意见副本");
        assertThat(server.getReceivedMessages()).hasSize(2).allSatisfy(message -> {
            String to = message.getAllRecipients()[0].toString();
            if (to.contains("zhjsx@example.cn")) {
                assertThat(message.getSubject()).startsWith("【退回修改】");
                assertThat(attachments(message)).singleElement()
                        .satisfies(p -> assertThat(p.getFileName()).isEqualTo("0430405_珠晖区计划生育协会_2022_审核意见.xlsx"));
            } else {
                assertThat(to).contains("whjsx@example.cn");
                assertThat(message.getSubject()).startsWith("【回执】");
                assertThat(attachments(message)).isEmpty();
            }
        });
        CliRun again = CliRun.of("notify", "--results", json.toString(), "--annotated", annotated.toString(), "--roster", sample, "--config", config.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(server.getReceivedMessages()).hasSize(2);
    }

    @Test
    void passwordsNeverReachTheTerminalTheLogsOrTheFiles() throws Exception {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<CliRun> runs = new ArrayList<>();
        try (PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(captured);
            System.setErr(captured);
            Path out = temp.resolve("下发");
            runs.add(CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key", "--mail", "--config", config.toString()));
            runs.add(CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key", "--eml", temp.resolve("eml").toString(),
                    "--resend", "--config", config.toString()));
            // A unit's return in the bureau's inbox, so collect writes a receipt log too.
            com.icegreen.greenmail.util.GreenMailUtil.sendAttachmentEmail(MailServer.BUREAU, "kmjsx@example.cn", "回收", "见附件。",
                    Files.readAllBytes(out.resolve("0530101_昆明市计划生育协会_2024.xlsx")), "application/octet-stream",
                    "0530101_昆明市计划生育协会_2024.xlsx", "", server.getSmtp().getServerSetup());
            runs.add(CliRun.of("collect", "--into", temp.resolve("收回").toString(), "--config", config.toString()));
            MailOptions.environment = () -> Map.of(Passwords.SMTP_VARIABLE, "Wrong-smtp-9931", Passwords.IMAP_VARIABLE, "Wrong-imap-9932");
            runs.add(CliRun.of("collect", "--into", temp.resolve("收回").toString(), "--config", config.toString()));
            runs.add(CliRun.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key", "--mail", "--resend",
                    "--config", config.toString()));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(runs.get(2).exitCode()).as(runs.get(2).err()).isZero();
        assertThat(temp.resolve("收回").resolve("收件记录.csv")).exists();
        assertThat(runs.get(3).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(runs.get(3).err()).contains("拒绝了用户");
        assertThat(runs.get(4).exitCode()).isEqualTo(ExitCode.NOT_ALL_SENT);
        assertThat(runs.get(4).err()).contains("发件服务器 127.0.0.1 拒绝了用户 " + MailServer.BUREAU);
        List<String> texts = new ArrayList<>();
        texts.add(console.toString(StandardCharsets.UTF_8));
        runs.forEach(r -> texts.add(r.out() + r.err()));
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(texts).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text)
                .doesNotContain(MailServer.PASSWORD, "Wrong-smtp-9931", "Wrong-imap-9932"));
    }

    private static List<Part> attachments(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(attachments(multipart.getBodyPart(i)));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        }
        return found;
    }
}
