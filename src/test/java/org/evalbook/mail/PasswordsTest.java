package org.evalbook.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a password comes from when the environment has none: a prompt, else a Chinese message naming the variable. */
class PasswordsTest {
    private static final Server IMAP = new Server("127.0.0.1", 3143, Security.NONE, "jxpj@example.gov.cn", "INBOX");

    @Test
    void theEnvironmentComesFirstAndNothingIsAsked() throws Exception {
        List<String> asked = new ArrayList<>();
        Passwords passwords = new Passwords(Map.of(Passwords.IMAP_VARIABLE, "Env-pw-4417"), question -> {
            asked.add(question);
            return Optional.of("typed".toCharArray());
        });

        Passwords.Password password = passwords.imap(IMAP);

        assertThat(password.reveal()).isEqualTo("Env-pw-4417");
        assertThat(password).hasToString("******");
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutTheVariableThePromptAsksForThisUsersPassword() throws Exception {
        List<String> asked = new ArrayList<>();
        Passwords passwords = new Passwords(Map.of(), question -> {
            asked.add(question);
            return Optional.of("Typed-pw-8812".toCharArray());
        });

        assertThat(passwords.imap(IMAP).reveal()).isEqualTo("Typed-pw-8812");
        assertThat(asked).containsExactly("收件（IMAP）邮箱 jxpj@example.gov.cn 的密码（输入时不显示）：");
    }

    @Test
    void withNeitherTheMessageNamesTheVariable() {
        Passwords passwords = new Passwords(Map.of(Passwords.SMTP_VARIABLE, ""), question -> Optional.empty());

        assertThatThrownBy(() -> passwords.smtp(IMAP)).isInstanceOf(MailException.class)
                .hasMessage("没有发件（SMTP）密码。请设置环境变量 EVALBOOK_SMTP_PASSWORD，或在终端中运行以便输入密码。");
    }
}
