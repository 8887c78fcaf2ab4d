package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnsynchronizedWriterTest {
    /**
     * What POI's sheet writer does to it: single characters (a surrogate pair split across two calls), short strings,
     * part of a string, character arrays, and texts longer than the buffer, written across its boundary.
     */
    @Test
    void writesEveryCharacterInOrderAcrossTheBufferBoundary() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        try (UnsynchronizedWriter writer = new UnsynchronizedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            String emoji = "😀";
            for (int i = 0; i < 30_000; i++) {
                writer.write("<c r=\"A" + i + "\">");
                writer.write('单');
                writer.write(emoji.charAt(0));
                writer.write(emoji.charAt(1));
                writer.write("xx位yy", 2, 2);
                writer.write("</c>".toCharArray(), 0, 4);
                expected.append("<c r=\"A").append(i).append("\">单").append(emoji).append("位y</c>");
            }
            String longText = "预算绩效评价".repeat(20_000);
            writer.write(longText);
            writer.write(longText.toCharArray(), 6, longText.length() - 6);
            expected.append(longText).append(longText, 6, longText.length());
            writer.flush();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
            writer.write("尾");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected + "尾");
    }
}
