package org.evalbook.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files inside a zip attachment, read with caps: at most {@value #MAX_ENTRIES} files of at most 50 MB each and
 * 200 MB in all (a zip bomb stops at the cap). Names are read as UTF-8, else as GBK/GB18030, as Chinese Windows zips
 * them; folders, hidden files and macOS resource forks are left out.
 */
final class ZipEntries {
    static final int MAX_ENTRIES = 200;
    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;

    /** One file unpacked: its path inside the zip, and its bytes. */
    record Entry(String name, byte[] content) {
    }

    /** The files, or why the zip was not unpacked (in Chinese). */
    record Unpacked(List<Entry> entries, String refusal) {
    }

    private ZipEntries() {
    }

    static boolean isZip(String name, byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4
                && name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    static Unpacked unpack(byte[] zip) {
        try {
            return unpack(zip, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUtf8) {
            try {
                return unpack(zip, Charset.forName("GB18030"));
            } catch (IllegalArgumentException | IOException damaged) {
                return new Unpacked(List.of(), "压缩包已损坏，无法解开");
            }
        } catch (IOException damaged) {
            return new Unpacked(List.of(), "压缩包已损坏，无法解开");
        }
    }

    private static Unpacked unpack(byte[] zip, Charset names) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                String last = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || last.startsWith(".") || last.isEmpty()) {
                    continue;
                }
                if (entries.size() == MAX_ENTRIES) {
                    return new Unpacked(List.of(), "压缩包内文件超过 " + MAX_ENTRIES + " 个，未解开");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, read);
                    total += read;
                    if (out.size() > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                        return new Unpacked(List.of(), "压缩包解开后超过大小限制（单个文件 50 MB，合计 200 MB），未解开");
                    }
                }
                entries.add(new Entry(name, out.toByteArray()));
            }
        }
        return new Unpacked(entries, "");
    }
}
