package org.evalbook.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The real names of attachments and subjects as the units' mail programs write them: RFC 2231 ({@code filename*=}),
 * RFC 2047 words in UTF-8, GBK or GB18030 (inside the quotes, as Outlook and Foxmail do), or the raw 8-bit GBK or
 * UTF-8 bytes of an old client, which Jakarta Mail hands over one char per byte.
 */
final class AttachmentNames {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private AttachmentNames() {
    }

    /** The attachment's file name, decoded; empty when the part names no file. */
    static Optional<String> of(Part part) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException unparsable) {
            return Optional.of("附件");
        }
        return Optional.ofNullable(name).map(AttachmentNames::text);
    }

    /** Header text decoded: RFC 2047 words left by the library, then raw 8-bit bytes as UTF-8, else GB18030. */
    static String text(String header) {
        String decoded = header;
        if (header.contains("=?")) {
            try {
                decoded = MimeUtility.decodeText(header);
            } catch (UnsupportedEncodingException unknownCharset) {
                decoded = header;
            }
        }
        return raw8bit(decoded);
    }

    private static String raw8bit(String text) {
        boolean high = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return text;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }
}
