package org.evalbook.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.evalbook.finding.FindingCode;

/**
 * Tells what a file is by its content, never its extension: an OOXML workbook (and whether it has macros or is
 * Strict), a legacy xls, or one of the things a unit may send instead — each refusal with its own code. The extension
 * only tells what the sender meant: a PDF named {@code .pdf} is an attachment (F15), one named {@code .xlsx} is not a
 * workbook (F01).
 */
final class FileFormat {
    /** More zip entries than this is no workbook a unit filled in (ours has about 30; 1,000 sheets about 1,010). */
    static final int MAX_ZIP_ENTRIES = 10_000;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final int HEAD = 8192;
    private static final Set<String> SPREADSHEET_EXTENSIONS = Set.of("xlsx", "xlsm", "xltx", "xltm", "xls", "xlt", "xlsb",
            "et", "ett", "ods", "csv");
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    private static final String ODT = "application/vnd.oasis.opendocument.text";

    static {
        // POI's own cap of 1,000 entries would call a valid workbook of 1,000 sheets malicious; ours, checked first
        // with a message that names it, is the one a user meets.
        ZipSecureFile.setMaxFileCount(MAX_ZIP_ENTRIES);
    }

    /** What a file is: a readable workbook kind, or the code and full Chinese message of why it is not read. */
    record Detected(String kind, boolean macros, FindingCode refusal, String message) {
        static Detected workbook(String kind, boolean macros) {
            return new Detected(kind, macros, null, "");
        }

        /** Not read, with the usual advice for the code. */
        static Detected refused(FindingCode code, String reason) {
            return refused(code, reason, WorkbookReader.advice(code));
        }

        /** Not read, with advice particular to what the file is. */
        static Detected refused(FindingCode code, String reason, String advice) {
            return new Detected("", false, code, reason + "。" + advice + "。");
        }

        boolean readable() {
            return refusal == null;
        }
    }

    private FileFormat() {
    }

    static Detected detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        boolean attachment = meantAsAttachment(file);
        if (head.length == 0) {
            return Detected.refused(FindingCode.F01, "文件是空的（0 字节）");
        }
        if (startsWith(head, ZIP)) {
            return zip(file, attachment);
        }
        if (startsWith(head, OLE2)) {
            return ole2(file, attachment);
        }
        if (head.length >= 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04) && head[3] == 0x00) {
            return Detected.refused(FindingCode.F06, "这是 Excel 2.x–4.0 的旧格式文件");
        }
        if (head[0] == 'P' && head.length > 1 && head[1] == 'K') {
            return Detected.refused(FindingCode.F07, "文件头像 zip 压缩包，但压缩结构已损坏");
        }
        return OtherFormats.identify(head, attachment);
    }

    /**
     * Whether the sender meant the file as something other than a return: its extension is not a spreadsheet's.
     * Content decides what a file is; this only decides whether a PDF, document, image or archive is an attachment.
     */
    static boolean meantAsAttachment(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !SPREADSHEET_EXTENSIONS.contains(dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Detected zip(Path file, boolean attachment) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                return Detected.refused(FindingCode.F08, "压缩结构内有 " + zip.size() + " 个文件，超过读取上限 " + MAX_ZIP_ENTRIES
                        + " 个（填报表只有几十个）");
            }
            List<String> entries = Collections.list(zip.entries()).stream().map(e -> e.getName().toLowerCase(Locale.ROOT)).toList();
            String mimetype = mimetype(zip);
            if (mimetype.startsWith(ODS)) {
                return OtherFormats.otherSpreadsheet("这是 OpenDocument 电子表格（.ods 格式）");
            }
            if (entries.contains("word/document.xml") || mimetype.startsWith(ODT)) {
                String what = mimetype.startsWith(ODT) ? "Word 文档（OpenDocument 文本 .odt）" : "Word 文档（docx）";
                return attachment ? OtherFormats.attachment(what) : Detected.refused(FindingCode.F02, OtherFormats.thisIs(what) + "，不是 Excel 工作簿");
            }
            if (entries.contains("xl/workbook.bin")) {
                return Detected.refused(FindingCode.F04, "这是 Excel 二进制工作簿（xlsb）");
            }
            if (!entries.contains("xl/workbook.xml")) {
                return archive(entries, attachment);
            }
            if (isStrict(zip)) {
                return Detected.refused(FindingCode.F05, WorkbookReader.STRICT);
            }
            boolean macros = entries.contains("xl/vbaproject.bin");
            return Detected.workbook(macros ? "xlsm" : "xlsx", macros);
        } catch (ZipException damaged) {
            String why = String.valueOf(damaged.getMessage()).contains("END header") ? "文件不完整，末尾的压缩目录缺失" : "压缩目录已损坏";
            return Detected.refused(FindingCode.F07, why);
        } catch (IOException unreadable) {
            return Detected.refused(FindingCode.F07, "无法打开文件的压缩结构");
        }
    }

    /** A zip that is no Office file: an archive sent as an attachment, or returns packed instead of sent. */
    private static Detected archive(List<String> entries, boolean attachment) {
        long workbooks = entries.stream().filter(e -> e.endsWith(".xlsx") || e.endsWith(".xls") || e.endsWith(".et")).count();
        String inside = workbooks == 0 ? "" : "，里面有 " + workbooks + " 个 Excel 文件";
        if (attachment) {
            return OtherFormats.attachment("zip 压缩包" + inside);
        }
        return inside.isEmpty() ? Detected.refused(FindingCode.F01, "这是 zip 压缩包，里面没有 Excel 工作簿")
                : Detected.refused(FindingCode.F01, "这是 zip 压缩包" + inside + "，不是 Excel 工作簿本身", OtherFormats.UNPACK);
    }

    /** The first entry of an OpenDocument file names its kind; "" for anything else. */
    private static String mimetype(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry("mimetype");
        if (entry == null) {
            return "";
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
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

    private static Detected ole2(Path file, boolean attachment) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return Detected.refused(FindingCode.F03, "文件设置了打开密码（已加密）");
            }
            if (root.hasEntry("WordDocument")) {
                return attachment ? OtherFormats.attachment("Word 文档（doc/wps）")
                        : Detected.refused(FindingCode.F02, "这是 Word 文档（doc），不是 Excel 工作簿");
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
            return Detected.refused(FindingCode.F07, "Office 复合文档的结构已损坏");
        }
    }

    static boolean startsWith(byte[] head, byte[] magic) {
        return startsWith(head, 0, magic);
    }

    static boolean startsWith(byte[] head, int offset, byte[] magic) {
        if (head.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
