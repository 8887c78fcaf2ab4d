package org.evalbook.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files inside a zip attachment, read in memory with caps (nothing reaches the disk until the whole zip passed):
 * at most 200 files of at most 50 MB each and 200 MB in all, and no file unpacking to more than 100 times the bytes
 * it took in the zip once past the first megabyte (a zip bomb stops there, long before any cap). A zip inside the zip
 * is kept as a file, not unpacked. Names are read as UTF-8, else as GBK/GB18030, as Chinese Windows zips them;
 * folders, hidden files and macOS resource forks are left out.
 */
final class ZipEntries {
    /** How much a zip may unpack to; {@link #DEFAULT} for mail, smaller ones in tests. */
    record Limits(int entries, long entryBytes, long totalBytes, long ratio, long ratioGrace) {
        static final Limits DEFAULT = new Limits(200, 50L * 1024 * 1024, 200L * 1024 * 1024, 100, 1024 * 1024);
    }

    /**
     * One file unpacked.
     *
     * @param name its path inside the zip, as written there
     * @param note what the clerk should know about it (a zip left packed, a path pointing outside the zip); "" if none
     */
    record Entry(String name, byte[] content, String note) {
    }

    /** The files, or why the zip was not unpacked (in Chinese; then there are no files). */
    record Unpacked(List<Entry> entries, String refusal) {
    }

    private ZipEntries() {
    }

    static boolean isZip(String name, byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
                && name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    static Unpacked unpack(byte[] zip, Limits limits) {
        try {
            return unpack(zip, StandardCharsets.UTF_8, limits);
        } catch (IllegalArgumentException notUtf8) {
            try {
                return unpack(zip, Charset.forName("GB18030"), limits);
            } catch (IllegalArgumentException | IOException damaged) {
                return refused("压缩包已损坏，无法解开");
            }
        } catch (IOException damaged) {
            return refused("压缩包已损坏，无法解开");
        }
    }

    private static Unpacked unpack(byte[] zip, Charset names, Limits limits) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        ByteArrayInputStream packed = new ByteArrayInputStream(zip);
        try (ZipInputStream in = new ZipInputStream(packed, names)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || last.startsWith(".") || last.isEmpty()) {
                    continue;
                }
                if (entries.size() == limits.entries()) {
                    return refused("压缩包内文件超过 " + limits.entries() + " 个，未解开");
                }
                // Bytes of the zip consumed before this file's data; the reader looks ahead by at most its buffer.
                long start = zip.length - packed.available();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, read);
                    total += read;
                    if (out.size() > limits.entryBytes() || total > limits.totalBytes()) {
                        return refused("压缩包解开后超过大小限制（单个文件 " + megabytes(limits.entryBytes()) + "，合计 "
                                + megabytes(limits.totalBytes()) + "），未解开");
                    }
                    long packedSoFar = Math.max(1, zip.length - packed.available() - start);
                    if (out.size() > limits.ratioGrace() && out.size() > packedSoFar * limits.ratio()) {
                        return refused("压缩包内的 " + last + " 压缩比异常（超过 " + limits.ratio() + " 倍，疑似“压缩炸弹”），未解开");
                    }
                }
                entries.add(new Entry(name, out.toByteArray(), note(name, last)));
            }
        }
        return new Unpacked(entries, "");
    }

    private static String note(String name, String last) {
        String normal = name.replace('\\', '/');
        if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*") || ("/" + normal + "/").contains("/../")) {
            return "压缩包内的路径指向包外，只按文件名保存在本文件夹";
        }
        if (last.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return "压缩包中的压缩包未再解开，请手工解开后放入本文件夹";
        }
        return "";
    }

    private static Unpacked refused(String why) {
        return new Unpacked(List.of(), why);
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " 字节";
    }
}
