package org.evalbook.signing;

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
    static final int MIN_LENGTH = 16;

    private SigningKeys() {
    }

    public static SigningKey resolve(Map<String, String> environment, Path home, PrintWriter messages) throws IOException {
        String inline = environment.get(ENV_KEY);
        if (inline != null && !inline.isBlank()) {
            return SigningKey.of(checked(inline.strip(), ENV_KEY).getBytes(StandardCharsets.UTF_8), false);
        }
        Path file = keyFile(environment, home);
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
        return SigningKey.of(checked(secret, file.toString()).getBytes(StandardCharsets.UTF_8), false);
    }

    /** The bureau's key when one is in use on this machine; never creates one (checking must not invent a key). */
    public static java.util.Optional<SigningKey> existing(Map<String, String> environment, Path home) throws IOException {
        String inline = environment.get(ENV_KEY);
        if (inline != null && !inline.isBlank()) {
            return java.util.Optional.of(SigningKey.of(checked(inline.strip(), ENV_KEY).getBytes(StandardCharsets.UTF_8), false));
        }
        Path file = keyFile(environment, home);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        return secret.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(SigningKey.of(checked(secret, file.toString()).getBytes(StandardCharsets.UTF_8), false));
    }

    /** The environment as a {@code --key-file} option amends it: a named key file wins over both variables. */
    public static Map<String, String> environment(Map<String, String> environment, Path keyFile) {
        if (keyFile == null) {
            return environment;
        }
        Map<String, String> amended = new java.util.HashMap<>(environment);
        amended.remove(ENV_KEY);
        amended.put(ENV_FILE, keyFile.toString());
        return amended;
    }

    /** The key file: the one named by {@value #ENV_FILE}, else {@code ~/.evalbook/signing.key}. */
    private static Path keyFile(Map<String, String> environment, Path home) {
        return environment.containsKey(ENV_FILE) ? Path.of(environment.get(ENV_FILE)) : home.resolve(".evalbook").resolve("signing.key");
    }

    /** A key must be long enough to be a secret: 16 characters at least (a generated one has 64). */
    private static String checked(String secret, String where) {
        if (secret.length() < MIN_LENGTH) {
            throw new KeyException(where + " 中的签名密钥太短（" + secret.length() + " 个字符）：至少需要 " + MIN_LENGTH
                    + " 个字符。删除密钥文件即可自动生成新密钥。");
        }
        return secret;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the file inherits the user profile's permissions, which only the user can read.
        }
    }
}
