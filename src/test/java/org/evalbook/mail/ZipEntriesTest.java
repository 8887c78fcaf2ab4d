package org.evalbook.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The caps on a zip attachment, each at its boundary (small caps here; the same code runs with the real ones). */
class ZipEntriesTest {
    private static final ZipEntries.Limits SMALL = new ZipEntries.Limits(3, 1000, 2500, 100, 1024 * 1024);
    private static final long SEED = 20261129L;

    @Test
    void atMostTheCappedNumberOfFiles() throws IOException {
        assertThat(ZipEntries.unpack(zip(files(3, 10)), SMALL).entries()).hasSize(3);

        ZipEntries.Unpacked four = ZipEntries.unpack(zip(files(4, 10)), SMALL);

        assertThat(four.entries()).isEmpty();
        assertThat(four.refusal()).isEqualTo("压缩包内文件超过 3 个，未解开");
    }

    @Test
    void noFileOverTheCappedSize() throws IOException {
        assertThat(ZipEntries.unpack(zip(files(1, 1000)), SMALL).entries()).singleElement().satisfies(e -> assertThat(e.content()).hasSize(1000));

        ZipEntries.Unpacked over = ZipEntries.unpack(zip(files(1, 1001)), SMALL);

        assertThat(over.entries()).isEmpty();
        assertThat(over.refusal()).isEqualTo("压缩包解开后超过大小限制（单个文件 1000 字节，合计 2500 字节），未解开");
    }

    @Test
    void noMoreThanTheCappedTotal() throws IOException {
        assertThat(ZipEntries.unpack(zip(files(2, 1000)), SMALL).entries()).hasSize(2);

        ZipEntries.Unpacked over = ZipEntries.unpack(zip(files(3, 900)), SMALL);

        assertThat(over.entries()).isEmpty();
        assertThat(over.refusal()).startsWith("压缩包解开后超过大小限制");
    }

    /** 64 MB of zeros packs into about 64 KB; without the ratio check it would be read to the 50 MB cap first. */
    @Test
    void aZipBombIsRefusedByItsRatioLongBeforeAnySizeCap() throws IOException {
        byte[] bomb = zeros("报表.xlsx", 64 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200 * 1024);

        ZipEntries.Unpacked refused = ZipEntries.unpack(bomb, ZipEntries.Limits.DEFAULT);

        assertThat(refused.entries()).isEmpty();
        assertThat(refused.refusal()).isEqualTo("压缩包内的 报表.xlsx 压缩比异常（超过 100 倍，疑似“压缩炸弹”），未解开");
    }

    @Test
    void realWorkbooksUnpackUnderTheRealLimits() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path file : Files.list(Path.of("test-workbooks/returned")).sorted().toList()) {
            files.put("回收/" + file.getFileName(), Files.readAllBytes(file));
        }

        ZipEntries.Unpacked unpacked = ZipEntries.unpack(zip(files), ZipEntries.Limits.DEFAULT);

        assertThat(unpacked.refusal()).isEmpty();
        assertThat(unpacked.entries()).hasSize(files.size()).allSatisfy(e -> {
            assertThat(e.content()).isEqualTo(files.get(e.name()));
            assertThat(e.note()).isEmpty();
        });
    }

    @Test
    void aPathOutOfTheZipAndAZipInsideAreNotedAndKeptAsFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("../../evil.xlsx", bytes("E"));
        files.put("/etc/x.xlsx", bytes("X"));
        files.put("C:\\Windows\\y.xlsx", bytes("Y"));
        files.put("a/../../z.xlsx", bytes("Z"));
        files.put("内层/inner.zip", zip(Map.of("deep.xlsx", bytes("D"))));
        files.put("ok..name.xlsx", bytes("O"));

        ZipEntries.Unpacked unpacked = ZipEntries.unpack(zip(files), ZipEntries.Limits.DEFAULT);

        assertThat(unpacked.entries()).extracting(ZipEntries.Entry::name, ZipEntries.Entry::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple("../../evil.xlsx", "压缩包内的路径指向包外，只按文件名保存在本文件夹"),
                org.assertj.core.groups.Tuple.tuple("/etc/x.xlsx", "压缩包内的路径指向包外，只按文件名保存在本文件夹"),
                org.assertj.core.groups.Tuple.tuple("C:\\Windows\\y.xlsx", "压缩包内的路径指向包外，只按文件名保存在本文件夹"),
                org.assertj.core.groups.Tuple.tuple("a/../../z.xlsx", "压缩包内的路径指向包外，只按文件名保存在本文件夹"),
                org.assertj.core.groups.Tuple.tuple("内层/inner.zip", "压缩包中的压缩包未再解开，请手工解开后放入本文件夹"),
                org.assertj.core.groups.Tuple.tuple("ok..name.xlsx", ""));
        assertThat(unpacked.entries().get(4).content()).isEqualTo(files.get("内层/inner.zip"));
    }

    @Test
    void namesZippedInGbkByChineseWindowsDecode() throws IOException {
        ZipEntries.Unpacked unpacked = ZipEntries.unpack(zip(Map.of("自评报告.pdf", bytes("P")), Charset.forName("GBK")), ZipEntries.Limits.DEFAULT);

        assertThat(unpacked.entries()).extracting(ZipEntries.Entry::name).containsExactly("自评报告.pdf");
    }

    @Test
    void aDamagedZipIsRefused() {
        byte[] damaged = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30};

        assertThat(ZipEntries.unpack(damaged, ZipEntries.Limits.DEFAULT).refusal()).isEqualTo("压缩包已损坏，无法解开");
    }

    /** {@code count} files of {@code size} random bytes each (incompressible, so only the size caps apply). */
    private static Map<String, byte[]> files(int count, int size) {
        Random random = new Random(SEED);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            files.put("表" + i + ".xlsx", content);
        }
        return files;
    }

    static byte[] zeros(String name, int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] chunk = new byte[1024 * 1024];
            for (int written = 0; written < size; written += chunk.length) {
                zip.write(chunk);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        return zip(files, StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> files, Charset names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
