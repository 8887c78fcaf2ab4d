package org.evalbook.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.evalbook.finding.FindingCode;

/**
 * Names what a file is when it is neither a zip nor an Office compound file, from its first bytes: a PDF, an image or
 * an archive (an attachment, F15, when its extension says so), a spreadsheet in another format (F16: Excel 2003 XML,
 * a web page or MHT saved as .xls, CSV/TSV text), or something else (F01), so the message can say what it is.
 */
final class OtherFormats {
    /** How to turn a spreadsheet in another format into one evalbook reads, in WPS, Excel or LibreOffice alike. */
    static final String SAVE_AS = "请在 WPS、Excel 或 LibreOffice 中打开，点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再交回 .xlsx 文件";
    static final String UNPACK = "压缩包不会被拆开审核：请先解压，把其中的填报表（.xlsx）直接交回";

    /** A signature at an offset of the file's first bytes, and what it means. */
    private record Magic(int offset, byte[] bytes, String what, boolean archive) {
        static Magic of(String what, int offset, int... bytes) {
            byte[] magic = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                magic[i] = (byte) bytes[i];
            }
            return new Magic(offset, magic, what, what.contains("压缩包"));
        }

        static Magic of(String what, String ascii) {
            return of(what, 0, ascii.chars().toArray());
        }
    }

    private static final List<Magic> MAGICS = List.of(
            Magic.of("PDF 文件", "%PDF-"),
            Magic.of("图片（JPEG）", 0, 0xFF, 0xD8, 0xFF),
            Magic.of("图片（PNG）", 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
            Magic.of("图片（GIF）", "GIF8"),
            Magic.of("图片（TIFF）", "II*\0"),
            Magic.of("图片（TIFF）", "MM\0*"),
            Magic.of("图片（WebP）", 8, 'W', 'E', 'B', 'P'),
            Magic.of("图片（HEIC，手机照片）", 4, 'f', 't', 'y', 'p', 'h', 'e', 'i'),
            Magic.of("图片（HEIC，手机照片）", 4, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1'),
            Magic.of("Word 文档（RTF）", "{\\rtf"),
            Magic.of("rar 压缩包", "Rar!\u001A\u0007"),
            Magic.of("7z 压缩包", 0, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C),
            Magic.of("gz 压缩包", 0, 0x1F, 0x8B));

    private OtherFormats() {
    }

    static FileFormat.Detected identify(byte[] head, boolean attachment) {
        for (Magic magic : MAGICS) {
            if (FileFormat.startsWith(head, magic.offset(), magic.bytes())) {
                return binary(magic.what(), magic.archive(), attachment);
            }
        }
        if (isBitmap(head)) {
            return binary("图片（BMP）", false, attachment);
        }
        String text = text(head);
        if (text == null) {
            return FileFormat.Detected.refused(FindingCode.F01, "文件内容不是 Excel 工作簿，也不是能识别的其他格式");
        }
        return textual(text.strip().toLowerCase(Locale.ROOT), attachment);
    }

    static FileFormat.Detected attachment(String what) {
        return FileFormat.Detected.refused(FindingCode.F15, thisIs(what) + "，未作为填报表读取", what.contains("压缩包") ? UNPACK
                : WorkbookReader.advice(FindingCode.F15));
    }

    /** "这是 PDF 文件", "这是图片（PNG）": a space only between Chinese and Latin text. */
    static String thisIs(String what) {
        return "这是" + (what.charAt(0) < 0x80 ? " " : "") + what;
    }

    static FileFormat.Detected otherSpreadsheet(String reason) {
        return FileFormat.Detected.refused(FindingCode.F16, reason + "，evalbook 只读取 Excel 工作簿（.xlsx、.xls）", SAVE_AS);
    }

    private static FileFormat.Detected binary(String what, boolean archive, boolean attachment) {
        if (attachment) {
            return attachment(what);
        }
        if (what.startsWith("Word")) {
            return FileFormat.Detected.refused(FindingCode.F02, thisIs(what) + "，不是 Excel 工作簿");
        }
        return archive ? FileFormat.Detected.refused(FindingCode.F01, thisIs(what) + "，不是 Excel 工作簿", UNPACK)
                : FileFormat.Detected.refused(FindingCode.F01, thisIs(what) + "，只是改成了表格的扩展名，不是 Excel 工作簿");
    }

    private static FileFormat.Detected textual(String text, boolean attachment) {
        if (text.contains("urn:schemas-microsoft-com:office:spreadsheet") && text.contains("<workbook")) {
            return otherSpreadsheet("这是 Excel 2003 XML 表格（“XML 电子表格 2003”格式）");
        }
        if (text.startsWith("mime-version:") || text.contains("content-type: multipart/related")) {
            return otherSpreadsheet("这是单个文件网页（MHT）格式的表格，只是扩展名像 Excel");
        }
        boolean html = text.startsWith("<!doctype html") || text.startsWith("<html") || text.contains("<html") || text.contains("<table");
        if (html && (text.contains("<table") || text.contains("office:excel") || !attachment)) {
            return otherSpreadsheet("这是网页（HTML）格式的表格（常见于从网上系统导出的 .xls），只是扩展名像 Excel");
        }
        if (html || text.startsWith("<")) {
            return FileFormat.Detected.refused(FindingCode.F01, thisIs(html ? "网页（HTML）文件" : "XML 文件") + "，不是 Excel 工作簿");
        }
        char delimiter = delimiter(text);
        if (delimiter != 0) {
            String what = delimiter == '\t' ? "制表符分隔的文本表格（TSV/TXT）" : "CSV 文本表格（" + (delimiter == ',' ? "逗号" : "分号") + "分隔）";
            return FileFormat.Detected.refused(FindingCode.F16, thisIs(what) + "，只保存了一张表的文字：填报表的其他工作表、定义名称、公式和下发标识都已丢失，"
                    + "另存为 .xlsx 也无法恢复", "请在财政局下发的填报表（.xlsx）中填写，直接保存后交回，不要另存为 CSV 或文本");
        }
        return FileFormat.Detected.refused(FindingCode.F01, "这是纯文本文件，不是 Excel 工作簿");
    }

    /**
     * The delimiter of a table saved as text: tab, comma or semicolon, found the same number of times (at least
     * once) on each of the first lines, two lines at least; 0 when the text is no table.
     */
    private static char delimiter(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(10).toList();
        if (lines.size() < 2) {
            return 0;
        }
        for (char candidate : new char[] {'\t', ',', ';'}) {
            long first = count(lines.get(0), candidate);
            if (first > 0 && lines.stream().allMatch(l -> count(l, candidate) == first)) {
                return candidate;
            }
        }
        return 0;
    }

    private static long count(String line, char c) {
        return line.chars().filter(x -> x == c).count();
    }

    /** A BMP: "BM", then four reserved bytes that are zero. */
    private static boolean isBitmap(byte[] head) {
        return head.length >= 14 && head[0] == 'B' && head[1] == 'M' && head[6] == 0 && head[7] == 0 && head[8] == 0 && head[9] == 0;
    }

    /** The head as text (UTF-16 with its byte-order mark, else UTF-8, else GB18030), or null when it is binary. */
    private static String text(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, head.length - 2 & ~1, StandardCharsets.UTF_16LE);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, head.length - 2 & ~1, StandardCharsets.UTF_16BE);
        }
        for (byte b : head) {
            if ((b >= 0 && b < 0x09) || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                return null;
            }
        }
        byte[] body = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? Arrays.copyOfRange(head, 3, head.length) : head;
        return decode(body, StandardCharsets.UTF_8, Charset.forName("GB18030"));
    }

    /** Strict decoding with the first charset, else the second; a character cut at the end of the head is left out. */
    private static String decode(byte[] bytes, Charset first, Charset second) {
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = first.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes), out, false);
        return result.isError() ? new String(bytes, second) : out.flip().toString();
    }
}
