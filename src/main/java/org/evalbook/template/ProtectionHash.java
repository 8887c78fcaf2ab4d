package org.evalbook.template;

import java.security.SecureRandom;
import java.util.Base64;
import org.apache.poi.poifs.crypt.CryptoFunctions;
import org.apache.poi.poifs.crypt.HashAlgorithm;

/**
 * Sheet protection's password hash as POI's {@code setSheetPassword(password, sha512)} writes it: SHA-512 of a fresh
 * 16-byte salt and the password, spun {@value #SPIN_COUNT} times (ECMA-376 agile, what Excel writes). Nearly all the
 * time of stamping a workbook is spent here.
 *
 * @param hash base64, as the {@code hashValue} attribute holds it
 * @param salt base64, as the {@code saltValue} attribute holds it
 */
record ProtectionHash(String hash, String salt) {
    static final int SPIN_COUNT = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    static ProtectionHash of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return new ProtectionHash(base64.encodeToString(CryptoFunctions.hashPassword(password, HashAlgorithm.sha512, salt, SPIN_COUNT, false)),
                base64.encodeToString(salt));
    }
}
