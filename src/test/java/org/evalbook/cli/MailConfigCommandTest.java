package org.evalbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** evalbook.yaml as a clerk might get it wrong: each mistake is one Chinese line and exit 2, before any connection. */
class MailConfigCommandTest {
    private static final String FROM = "  from: { name: 测试财政局, address: jxpj@example.gov.cn }\n";
    private static final String IMAP = "  imap: { host: 127.0.0.1, port: 3143, security: none, user: jxpj@example.gov.cn, folder: INBOX }\n";

    @TempDir
    Path temp;

    @Test
    void anUnknownKeyIsRefusedByItsPath() throws Exception {
        CliRun run = collect("mail:\n" + FROM + "  smtp: { host: 127.0.0.1, port: 3025, security: none, user: jxpj@example.gov.cn, pasword: x1 }\n" + IMAP);

        assertRefused(run, "未知的键 mail.smtp.pasword。mail.smtp 下可用的键：folder、host、port、security、user。");
    }

    @Test
    void anUnknownTopLevelKeyIsRefusedToo() throws Exception {
        CliRun run = collect("mial:\n" + FROM);

        assertRefused(run, "未知的键 mial。最上层可用的键：mail。");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "Passwd", "pwd", "密码", "授权码"})
    void aPasswordInTheFileIsRefusedAndNeverRepeated(String key) throws Exception {
        CliRun run = collect("mail:\n" + FROM + "  smtp: { host: 127.0.0.1, port: 3025, security: none, user: jxpj@example.gov.cn }\n"
                + "  imap: { host: 127.0.0.1, port: 3143, security: none, user: jxpj@example.gov.cn, " + key + ": Hunter-2-pw-5512 }\n");

        assertRefused(run, "mail.imap." + key + "：密码不能写在配置文件中，请删去这一行，改用环境变量 EVALBOOK_IMAP_PASSWORD");
        assertThat(run.out() + run.err()).doesNotContain("Hunter-2-pw-5512");
    }

    @Test
    void aSecurityOtherThanSslStarttlsOrNoneIsRefused() throws Exception {
        CliRun run = collect("mail:\n" + FROM + "  smtp: { host: 127.0.0.1, port: 3025, security: tls, user: jxpj@example.gov.cn }\n" + IMAP);

        assertRefused(run, "mail.smtp.security 应是 ssl、starttls 或 none，不能是“tls”");
    }

    @Test
    void noSecurityWarnsForAnotherMachineOnly() throws Exception {
        CliRun remote = issueEml("192.0.2.10", "localhost");
        CliRun local = issueEml("127.0.0.1", "localhost");

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(remote.err()).containsOnlyOnce("注意：192.0.2.10 的连接未加密（security: none），邮件内容和密码会以明文经过网络。正式使用请改为 ssl 或 starttls。")
                .doesNotContain("localhost 的连接未加密");
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(local.err()).doesNotContain("未加密");
    }

    private CliRun collect(String yaml) throws Exception {
        Path config = Files.writeString(temp.resolve("evalbook.yaml"), yaml, StandardCharsets.UTF_8);
        return CliRun.of("collect", "--into", temp.resolve("收回").toString(), "--config", config.toString());
    }

    private CliRun issueEml(String smtpHost, String imapHost) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(smtpHost));
        Path config = Files.writeString(dir.resolve("evalbook.yaml"), "mail:\n" + FROM
                + "  smtp: { host: " + smtpHost + ", port: 25, security: none, user: jxpj@example.gov.cn }\n"
                + "  imap: { host: " + imapHost + ", port: 143, security: none, user: jxpj@example.gov.cn }\n", StandardCharsets.UTF_8);
        Path roster = Files.writeString(dir.resolve("名册.csv"), "单位代码,单位名称,主管部门,联系人,邮箱,年度\n"
                + "0530101,昆明市计划生育协会,昆明市卫生健康委员会,张敏,kmjsx@example.cn,2024\n", StandardCharsets.UTF_8);
        // Issued before: mailing sends the existing file instead of writing (and slowly protecting) a new workbook.
        Files.writeString(Files.createDirectories(dir.resolve("下发")).resolve("0530101_昆明市计划生育协会_2024.xlsx"), "已下发", StandardCharsets.UTF_8);
        return CliRun.of("issue", "--roster", roster.toString(), "--out", dir.resolve("下发").toString(), "--demo-key",
                "--eml", dir.resolve("eml").toString(), "--config", config.toString());
    }

    private void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(temp.resolve("evalbook.yaml") + "：").contains(message)
                .doesNotContain("Exception", "\tat ", "Unrecognized", "jackson");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
        assertThat(temp.resolve("收回")).doesNotExist();
    }
}
