package org.evalbook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed identity of an issued workbook: the values of {@link #SIGNED} written as canonical text
 * ({@code evalbook-issue-v1}, then one {@code key=value} line each, in this order, with backslash, CR and LF
 * escaped), signed with HMAC-SHA256 under the bureau's key.
 */
public final class IssueSignature {
    public static final List<String> SIGNED = List.of("framework_id", "framework_version", "profile", "unit_code",
            "unit_name", "fiscal_year", "issued_at", "key_id", "prefilled", "rules");
    static final String HEADER = "evalbook-issue-v1";

    private IssueSignature() {
    }

    public static String canonicalText(Map<String, String> values) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String key : SIGNED) {
            String value = values.getOrDefault(key, "");
            text.append(key).append('=').append(value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")).append('\n');
        }
        return text.toString();
    }

    public static String sign(Map<String, String> values, SigningKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonicalText(values).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code signature} is the key's signature of the values (compared in constant time). */
    public static boolean verify(Map<String, String> values, String signature, SigningKey key) {
        byte[] expected = sign(values, key).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The pre-filled values as signed text: {@code id=value} pairs in id order, joined by {@code ;}. */
    public static String prefilled(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(values).forEach((id, value) -> text.append(text.length() == 0 ? "" : ";").append(id).append('=')
                .append(value.replace("\\", "\\\\").replace(";", "\\;")));
        return text.toString();
    }

    /** The pairs of {@link #prefilled(Map)} read back. */
    public static Map<String, String> prefilled(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        StringBuilder part = new StringBuilder();
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                part.append(text.charAt(++i));
            } else if (c == ';') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        for (String pair : parts) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }}
