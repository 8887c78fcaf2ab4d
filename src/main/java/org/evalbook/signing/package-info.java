/**
 * The bureau's signing key and the signed identity of an issued workbook: the key's source and fingerprint
 * ({@link org.evalbook.signing.SigningKeys}), the HMAC over the meta sheet's canonical text
 * ({@link org.evalbook.signing.IssueSignature}) and what a returned workbook's meta sheet proves
 * ({@link org.evalbook.signing.IssueIdentity}). Issuing signs with it; reading and checking verify with it.
 */
package org.evalbook.signing;
