package org.evalbook.template;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Finds the bureau's signing key: the environment variable {@value #ENV_KEY}, else the key file named by
 * {@value #ENV_FILE}, else {@code ~/.evalbook/signing.key} — generated on first use, with a message saying where it
 * is. The key never lives in the repository; only the public demo key does ({@link SigningKey#PUBLIC_DEMO}).
 */
public final class SigningKeys {
    public static final String ENV_KEY = "EVALBOOK_SIGNING_KEY";
    public static final String ENV_FILE = "EVALBOOK_KEY_FILE";

    private SigningKeys() {
    }

    public static SigningKey resolve(Map<String, String> environment, Path home, PrintWriter messages) throws IOException {
        String inline = environment.get(ENV_KEY);
        if (inline != null && !inline.isBlank()) {
            return SigningKey.of(inline.strip().getBytes(StandardCharsets.UTF_8), false);
        }
        Path file = environment.containsKey(ENV_FILE) ? Path.of(environment.get(ENV_FILE)) : home.resolve(".evalbook").resolve("signing.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.UTF_8);
            restrict(file);
            messages.println("已生成本局的签名密钥：" + file.toAbsolutePath()
                    + "。请妥善保管并备份（不要放进代码库或发给单位）；丢失后无法核验已下发填报表的签名。");
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.isEmpty()) {
            throw new IOException(file + " 是空文件：请删除它以重新生成，或写入密钥。");
        }
        return SigningKey.of(secret.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The bureau's key when one is in use on this machine; never creates one (checking must not invent a key). */
    public static java.util.Optional<SigningKey> existing(Map<String, String> environment, Path home) throws IOException {
        String inline = environment.get(ENV_KEY);
        if (inline != null && !inline.isBlank()) {
            return java.util.Optional.of(SigningKey.of(inline.strip().getBytes(StandardCharsets.UTF_8), false));
        }
        Path file = environment.containsKey(ENV_FILE) ? Path.of(environment.get(ENV_FILE)) : home.resolve(".evalbook").resolve("signing.key");
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        return secret.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(SigningKey.of(secret.getBytes(StandardCharsets.UTF_8), false));
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the file inherits the user profile's permissions, which only the user can read.
        }
    }
}
