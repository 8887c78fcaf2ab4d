package org.evalbook.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bureau's key for signing issued workbooks (HMAC-SHA256).
 *
 * @param id   a fingerprint that names the key in the meta sheet without revealing it
 * @param demo whether this is the public demo key, which proves nothing
 */
public record SigningKey(String id, byte[] secret, boolean demo) {
    /**
     * The public demo key: committed in the repository, used only by {@code demo}, the tests and the committed
     * samples. A return signed with it is reported as such whenever a real key is in use.
     */
    public static final SigningKey PUBLIC_DEMO = of("evalbook-public-demo-key-NOT-SECRET".getBytes(StandardCharsets.UTF_8), true);

    public static SigningKey of(byte[] secret, boolean demo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return new SigningKey((demo ? "demo-" : "") + HexFormat.of().formatHex(digest, 0, 8), secret.clone(), demo);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
