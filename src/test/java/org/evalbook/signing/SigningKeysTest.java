package org.evalbook.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    @TempDir
    Path home;

    @Test
    void aKeyFileIsGeneratedOnFirstUseWithAMessageAndReusedAfter() throws Exception {
        StringWriter messages = new StringWriter();
        SigningKey first = SigningKeys.resolve(Map.of(), home, new PrintWriter(messages, true));
        Path file = home.resolve(".evalbook").resolve("signing.key");
        assertThat(file).exists();
        assertThat(messages.toString()).startsWith("已生成本局的签名密钥：" + file.toAbsolutePath());
        assertThat(first.demo()).isFalse();
        StringWriter again = new StringWriter();
        assertThat(SigningKeys.resolve(Map.of(), home, new PrintWriter(again, true)).id()).isEqualTo(first.id());
        assertThat(again.toString()).isEmpty();
        assertThat(first.id()).isNotEqualTo(SigningKey.PUBLIC_DEMO.id());
    }

    @Test
    void theEnvironmentVariableWinsAndAKeyFileCanBeNamed() throws Exception {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        SigningKey inline = SigningKeys.resolve(Map.of(SigningKeys.ENV_KEY, "bureau secret key 2026"), home, quiet);
        assertThat(inline.id()).isEqualTo(SigningKey.of("bureau secret key 2026".getBytes(), false).id());
        Path named = home.resolve("keys").resolve("k.txt");
        Files.createDirectories(named.getParent());
        Files.writeString(named, "from a file, long enough\n");
        assertThat(SigningKeys.resolve(Map.of(SigningKeys.ENV_FILE, named.toString()), home, quiet).id())
                .isEqualTo(SigningKey.of("from a file, long enough".getBytes(), false).id());
    }

    @Test
    void aShortKeyIsRefusedWithTheReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKeys.resolve(Map.of(SigningKeys.ENV_KEY, "abc"), home,
                new PrintWriter(new StringWriter()))).isInstanceOf(KeyException.class)
                .hasMessage(SigningKeys.ENV_KEY + " 中的签名密钥太短（3 个字符）：至少需要 16 个字符。删除密钥文件即可自动生成新密钥。");
    }

    @Test
    void theDemoKeyIsNamedAsSuch() {
        assertThat(SigningKey.PUBLIC_DEMO.id()).startsWith("demo-");
        assertThat(SigningKey.PUBLIC_DEMO.demo()).isTrue();
        assertThat(SigningKey.PUBLIC_DEMO.toString()).doesNotContain("NOT-SECRET");
    }
}
