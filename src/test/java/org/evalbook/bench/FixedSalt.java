package org.evalbook.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.poifs.crypt.CryptoFunctions;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.evalbook.signing.IssueSignature;
import org.evalbook.signing.SigningKey;

/**
 * Sheet and workbook protection with a fixed salt instead of POI's random one, so that one seed gives the same bytes:
 * the hash is computed again for the same password (derived from the bureau's key and the placeholder unit as
 * TemplateWriter derives it), so the protection still opens with it.
 */
final class FixedSalt {
    private static final Pattern SHEET = Pattern.compile("hashValue=\"[^\"]*\" saltValue=\"[^\"]*\"");
    private static final Pattern WORKBOOK_HASH = Pattern.compile("workbookHashValue=\"[^\"]*\"");
    private static final Pattern WORKBOOK_SALT = Pattern.compile("workbookSaltValue=\"[^\"]*\"");
    private static final int SPIN_COUNT = 100_000;

    private final String hash;
    private final String salt;

    FixedSalt(String subject) {
        String signature = IssueSignature.sign(Map.of("unit_code", subject), SigningKey.PUBLIC_DEMO);
        String password = HexFormat.of().formatHex(signature.getBytes(StandardCharsets.US_ASCII), 0, 6);
        byte[] fixed = "evalbook-bench-1".getBytes(StandardCharsets.US_ASCII);
        salt = Base64.getEncoder().encodeToString(fixed);
        hash = Base64.getEncoder().encodeToString(CryptoFunctions.hashPassword(password, HashAlgorithm.sha512, fixed, SPIN_COUNT, false));
    }

    /** The part's protection elements with the fixed salt and its hash. */
    String fix(String xml) {
        String sheet = SHEET.matcher(xml).replaceAll("hashValue=\"" + hash + "\" saltValue=\"" + salt + "\"");
        return WORKBOOK_SALT.matcher(WORKBOOK_HASH.matcher(sheet).replaceAll("workbookHashValue=\"" + hash + "\""))
                .replaceAll("workbookSaltValue=\"" + salt + "\"");
    }
}
