package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evalbook.mail.MailServer;
import org.evalbook.mail.Passwords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** issue --mail when the server refuses one mail, or one address cannot be sent to: the others go, the rerun retries it. */
class SendFailuresTest {
    private static final String REFUSED = "zhjsx@example.cn";

    @RegisterExtension
    GreenMailExtension server = MailServer.extension();

    @TempDir
    Path temp;

    private Path config;
    private Path out;

    @BeforeEach
    void setUp() throws Exception {
        config = MailServer.config(server, temp);
        out = Files.createDirectories(temp.resolve("下发"));
        MailOptions.environment = () -> Map.of(Passwords.SMTP_VARIABLE, MailServer.PASSWORD);
    }

    @AfterEach
    void tearDown() {
        MailOptions.environment = System::getenv;
    }

    @Test
    void aMailTheServerRefusesStopsNoOtherIsListedLoggedAndRetriedAlone() throws Exception {
        Path roster = roster("zhjsx@example.cn");
        // GreenMail cannot make a mailbox for an address that is another user's login, and answers the mail's DATA with
        // "451 local error in processing": a real refusal by the server, of this one mail only.
        server.setUser("someone.else@example.cn", REFUSED, "x");

        CliRun first = issue(roster);

        assertThat(first.exitCode()).isEqualTo(ExitCode.NOT_ALL_SENT);
        assertThat(recipients()).containsExactly("kmjsx@example.cn", "whjsx@example.cn");
        assertThat(first.err()).contains("以下 1 封邮件未能发出（已记入 " + out.resolve("发送记录.csv") + "）：\n"
                + "  0430405 珠晖区计划生育协会 <zhjsx@example.cn>：服务器未接受此邮件，请稍后用同一命令重试（已发送的不会重发）");
        assertThat(first.out()).contains("已发送：昆明市计划生育协会", "已发送：五华区计划生育协会").doesNotContain("已发送：珠晖区");
        List<String> log = Files.readAllLines(out.resolve("发送记录.csv"), StandardCharsets.UTF_8);
        assertThat(log).hasSize(4);
        assertThat(log.get(2)).contains("0430405", REFUSED).endsWith(",失败：服务器未接受此邮件，请稍后用同一命令重试（已发送的不会重发）");

        server.getUserManager().deleteUser(server.getUserManager().getUser(REFUSED));
        CliRun rerun = issue(roster);

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("已发送：珠晖区计划生育协会 <zhjsx@example.cn>", "已跳过 2 封此前已发送的邮件");
        assertThat(recipients()).containsExactly("kmjsx@example.cn", "whjsx@example.cn", REFUSED);
        assertThat(Files.readAllLines(out.resolve("发送记录.csv"), StandardCharsets.UTF_8)).hasSize(5).last().asString()
                .contains("0430405", REFUSED).endsWith(",已发送");

        CliRun resend = issue(roster, "--resend");
        assertThat(resend.exitCode()).as(resend.err()).isZero();
        assertThat(recipients()).hasSize(6);
    }

    @Test
    void anAddressThatCannotBeSentToStopsNoOther() throws Exception {
        // Passes the roster's check (something@host.domain) but not the mail library's: a typed double dot.
        CliRun run = issue(roster("zh..jsx@example.cn"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_ALL_SENT);
        assertThat(recipients()).containsExactly("kmjsx@example.cn", "whjsx@example.cn");
        assertThat(run.err()).contains("  0430405 珠晖区计划生育协会 <zh..jsx@example.cn>：邮箱地址格式不对，请核对名册中的邮箱")
                .doesNotContain("Exception", "dot-dot");
        assertThat(Files.readString(out.resolve("发送记录.csv"), StandardCharsets.UTF_8)).contains("失败：邮箱地址格式不对");
    }

    /** Three units, the second at {@code address}; their workbooks issued before, so only the mail is under test. */
    private Path roster(String address) throws Exception {
        String[][] units = {{"0530101", "昆明市计划生育协会", "kmjsx@example.cn"}, {"0430405", "珠晖区计划生育协会", address},
                {"0530102", "五华区计划生育协会", "whjsx@example.cn"}};
        StringBuilder csv = new StringBuilder("单位代码,单位名称,主管部门,联系人,邮箱,年度\n");
        for (String[] unit : units) {
            csv.append(unit[0]).append(',').append(unit[1]).append(",卫生健康局,张敏,").append(unit[2]).append(",2024\n");
            Files.writeString(out.resolve(unit[0] + "_" + unit[1] + "_2024.xlsx"), "workbook of " + unit[0], StandardCharsets.UTF_8);
        }
        return Files.writeString(temp.resolve("名册.csv"), csv, StandardCharsets.UTF_8);
    }

    private CliRun issue(Path roster, String... more) {
        List<String> args = new ArrayList<>(List.of("issue", "--roster", roster.toString(), "--out", out.toString(), "--demo-key", "--mail",
                "--config", config.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> recipients() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            to.add(message.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""));
        }
        return to;
    }
}
