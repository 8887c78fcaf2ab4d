package org.evalbook.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What the spill deflated comes back byte for byte, however large; a stream cut short, or one that does not make the
 * size recorded, is an error, not a hang.
 */
class DirectInflaterTest {
    @Test
    void smallLargeAndIncompressibleComeBackExactly() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 1000, 64 * 1024, 64 * 1024 + 1, 3_000_000}) {
            byte[] plain = new byte[size];
            for (int i = 0; i < size; i++) {
                plain[i] = (byte) (i % 3 == 0 ? random.nextInt() : i / 4096);
            }
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            assertThat(DirectInflater.inflate(deflate(plain), size)).as("size " + size).isEqualTo(plain);
            assertThat(DirectInflater.inflate(deflate(noise), size)).as("noise " + size).isEqualTo(noise);
        }
    }

    @Test
    void aStreamCutShortIsAnError() throws Exception {
        byte[] whole = deflate("汇总时暂存的填报表明细".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int size = "汇总时暂存的填报表明细".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThatThrownBy(() -> DirectInflater.inflate(Arrays.copyOf(whole, whole.length / 2), size)).isInstanceOf(DataFormatException.class);
        // the same thread's inflater is reset for the next record
        assertThat(DirectInflater.inflate(deflate(new byte[] {1, 2, 3}), 3)).containsExactly(1, 2, 3);
    }

    @Test
    void aSizeOtherThanTheOneRecordedIsAnError() throws Exception {
        byte[] deflated = deflate(new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> DirectInflater.inflate(deflated, 3)).isInstanceOf(DataFormatException.class);
        assertThatThrownBy(() -> DirectInflater.inflate(deflated, 5)).isInstanceOf(DataFormatException.class);
        assertThat(DirectInflater.inflate(deflated, 4)).containsExactly(1, 2, 3, 4);
    }

    private static byte[] deflate(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 4096)) {
            out.write(plain);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }
}
