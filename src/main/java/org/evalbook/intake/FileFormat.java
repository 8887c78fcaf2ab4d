package org.evalbook.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.evalbook.finding.FindingCode;

/**
 * Tells what a file is by its content, never its extension: an OOXML workbook (and whether it has macros or is
 * Strict), a legacy xls, or one of the things a unit may send instead — each refusal with its own code.
 */
final class FileFormat {
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** What a file is: a readable workbook kind, or a refusal with its code and Chinese reason. */
    record Detected(String kind, boolean macros, FindingCode refusal, String reason) {
        static Detected workbook(String kind, boolean macros) {
            return new Detected(kind, macros, null, "");
        }

        static Detected refused(FindingCode code, String reason) {
            return new Detected("", false, code, reason);
        }

        boolean readable() {
            return refusal == null;
        }
    }

    private FileFormat() {
    }

    static Detected detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read == 0) {
            return Detected.refused(FindingCode.F01, "文件是空的（0 字节）");
        }
        if (startsWith(head, read, ZIP)) {
            return zip(file);
        }
        if (startsWith(head, read, OLE2)) {
            return ole2(file);
        }
        if (read >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04) && head[3] == 0x00) {
            return Detected.refused(FindingCode.F06, "这是 Excel 2.x–4.0 的旧格式文件");
        }
        String text = new String(head, 0, read, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (text.startsWith("<?xml") || text.startsWith("<")) {
            return Detected.refused(FindingCode.F01, "这是 XML 或网页（HTML）文件，不是 Excel 工作簿");
        }
        if (head[0] == 'P' && head[1] == 'K') {
            return Detected.refused(FindingCode.F07, "文件头像 zip 压缩包但已损坏");
        }
        return Detected.refused(FindingCode.F01, "文件内容不是 Excel 工作簿（可能是文本、CSV 或图片）");
    }

    private static Detected zip(Path file) {
        Set<String> entries = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                entries.add(all.nextElement().getName().toLowerCase(Locale.ROOT));
                if (entries.size() > 10_000) {
                    return Detected.refused(FindingCode.F08, "压缩包内文件数超过 10000 个");
                }
            }
            if (entries.contains("xl/workbook.bin")) {
                return Detected.refused(FindingCode.F04, "这是 Excel 二进制工作簿（xlsb）");
            }
            if (entries.contains("word/document.xml")) {
                return Detected.refused(FindingCode.F02, "这是 Word 文档（docx），不是 Excel 工作簿");
            }
            if (!entries.contains("xl/workbook.xml")) {
                return Detected.refused(FindingCode.F01, "这是一个压缩包，但里面没有 Excel 工作簿");
            }
            if (isStrict(zip)) {
                return Detected.refused(FindingCode.F05, WorkbookReader.STRICT);
            }
            boolean macros = entries.contains("xl/vbaproject.bin");
            return Detected.workbook(macros ? "xlsm" : "xlsx", macros);
        } catch (ZipException damaged) {
            return Detected.refused(FindingCode.F07, "压缩结构已损坏或文件不完整（" + damaged.getMessage() + "）");
        } catch (IOException unreadable) {
            return Detected.refused(FindingCode.F07, "无法打开压缩结构（" + unreadable.getMessage() + "）");
        }
    }

    private static boolean isStrict(ZipFile zip) throws IOException {
        ZipEntry workbook = zip.getEntry("xl/workbook.xml");
        if (workbook == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(workbook)) {
            String start = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            return start.contains("purl.oclc.org/ooxml/spreadsheetml/main");
        }
    }

    private static Detected ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return Detected.refused(FindingCode.F03, "文件设置了打开密码（已加密）");
            }
            if (root.hasEntry("WordDocument")) {
                return Detected.refused(FindingCode.F02, "这是 Word 文档（doc），不是 Excel 工作簿");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("workbook")) {
                boolean macros = root.hasEntry("_VBA_PROJECT_CUR");
                return Detected.workbook("xls", macros);
            }
            if (root.hasEntry("Book") || root.hasEntry("BOOK")) {
                return Detected.refused(FindingCode.F06, "这是 Excel 5.0/95 的旧格式工作簿");
            }
            return Detected.refused(FindingCode.F01, "这是 Office 复合文档，但不是 Excel 工作簿");
        } catch (IOException | RuntimeException damaged) {
            return Detected.refused(FindingCode.F07, "复合文档结构已损坏（" + damaged.getClass().getSimpleName() + "）");
        }
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        if (read < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
