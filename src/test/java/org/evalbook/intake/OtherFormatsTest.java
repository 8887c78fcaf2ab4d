package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.template.ConsistentReturn;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd but honest files, each written here as the program that makes it would: what they are is told by their content,
 * the message names it and says what to do, and the extension only tells an attachment (F15) from a file meant as a
 * return.
 */
class OtherFormatsTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String SAVE_AS = "点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”";
    /** Java or POI text: a class name, an exception, English library prose (format names such as OpenDocument are fine). */
    static final String LEAK = "Exception|Error|bugzilla|org\\.apache|java\\.|[a-z]{12,}";
    private static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    @TempDir
    static Path temp;

    static Stream<Arguments> files() throws IOException {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] docx = zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        return Stream.of(
                // spreadsheets in another format: F16, naming the format and how to save it as .xlsx
                Arguments.of("自评表.ods", ods(), FindingCode.F16, new String[] {"这是 OpenDocument 电子表格（.ods 格式）", SAVE_AS}),
                Arguments.of("改了扩展名的ods.xlsx", ods(), FindingCode.F16, new String[] {"OpenDocument 电子表格", SAVE_AS}),
                Arguments.of("Excel2003.xls", ("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
                        + "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
                        + " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n<Worksheet ss:Name=\"基础数据表\"><Table><Row>"
                        + "<Cell><Data ss:Type=\"String\">单位名称</Data></Cell></Row></Table></Worksheet>\n</Workbook>\n")
                        .getBytes(StandardCharsets.UTF_8), FindingCode.F16, new String[] {"这是 Excel 2003 XML 表格", SAVE_AS}),
                Arguments.of("网上系统导出.xls", ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\r\n<head><meta http-equiv="
                        + "\"Content-Type\" content=\"text/html; charset=gb2312\"></head>\r\n<body><table border=1><tr><td>单位名称</td>"
                        + "<td>本年支出合计</td></tr><tr><td>五华区计划生育协会</td><td>100</td></tr></table></body></html>\r\n")
                        .getBytes(GBK), FindingCode.F16, new String[] {"这是网页（HTML）格式的表格", SAVE_AS}),
                Arguments.of("单个文件网页.xls", ("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; "
                        + "boundary=\"----=_NextPart_01D\"\r\n\r\n------=_NextPart_01D\r\nContent-Type: text/html; charset=\"us-ascii\"\r\n")
                        .getBytes(StandardCharsets.US_ASCII), FindingCode.F16, new String[] {"单个文件网页（MHT）", SAVE_AS}),
                Arguments.of("名册导出.csv", "单位代码,单位名称,本年支出合计\r\n0530102,五华区计划生育协会,100\r\n0530103,盘龙区计划生育协会,98.5\r\n"
                        .getBytes(GBK), FindingCode.F16, new String[] {"这是 CSV 文本表格（逗号分隔）", "另存为 .xlsx 也无法恢复",
                            "请在财政局下发的填报表（.xlsx）中填写"}),
                Arguments.of("Unicode文本.xls", utf16le("单位代码\t单位名称\r\n0530102\t五华区计划生育协会\r\n"), FindingCode.F16,
                        new String[] {"这是制表符分隔的文本表格（TSV/TXT）"}),
                // attachments by content and by intent: F15, naming what the file is
                Arguments.of("自评报告.pdf", pdf, FindingCode.F15, new String[] {"这是 PDF 文件，未作为填报表读取", "附件无需处理"}),
                Arguments.of("自评报告.docx", docx, FindingCode.F15, new String[] {"这是 Word 文档（docx），未作为填报表读取"}),
                Arguments.of("自评报告.doc", ole2("WordDocument"), FindingCode.F15, new String[] {"这是 Word 文档（doc/wps），未作为填报表读取"}),
                Arguments.of("自评报告.wps", ole2("WordDocument"), FindingCode.F15, new String[] {"Word 文档", "未作为填报表读取"}),
                Arguments.of("现场照片.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'},
                        FindingCode.F15, new String[] {"这是图片（JPEG），未作为填报表读取"}),
                Arguments.of("截图.png", png, FindingCode.F15, new String[] {"这是图片（PNG）"}),
                Arguments.of("回收表.zip", zip("0530102_五华区计划生育协会_2022.xlsx", "x", "说明.txt", "x"), FindingCode.F15,
                        new String[] {"这是 zip 压缩包，里面有 1 个 Excel 文件，未作为填报表读取", "请先解压，把其中的填报表（.xlsx）直接交回"}),
                Arguments.of("回收表.rar", "Rar!\u001A\u0007\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), FindingCode.F15,
                        new String[] {"这是 rar 压缩包", "请先解压"}),
                // the same contents named as a workbook: the file the unit meant as its return is not one
                Arguments.of("PDF改名.xlsx", pdf, FindingCode.F01, new String[] {"这是 PDF 文件，只是改成了表格的扩展名，不是 Excel 工作簿"}),
                Arguments.of("Word改名.xlsx", docx, FindingCode.F02, new String[] {"这是 Word 文档（docx），不是 Excel 工作簿"}),
                Arguments.of("图片改名.xlsx", png, FindingCode.F01, new String[] {"这是图片（PNG），只是改成了表格的扩展名"}),
                Arguments.of("7z改名.xls", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4}, FindingCode.F01,
                        new String[] {"这是 7z 压缩包，不是 Excel 工作簿", "请先解压"}),
                Arguments.of("压缩包改名.xlsx", zip("0530102.xlsx", "x"), FindingCode.F01,
                        new String[] {"这是 zip 压缩包，里面有 1 个 Excel 文件，不是 Excel 工作簿本身", "请先解压"}),
                Arguments.of("说明.xlsx", "请见附件，谢谢。".getBytes(StandardCharsets.UTF_8), FindingCode.F01,
                        new String[] {"这是纯文本文件，不是 Excel 工作簿"}));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("files")
    void eachFileIsNamedForWhatItIs(String name, byte[] content, FindingCode code, String[] message) throws IOException {
        Path file = Files.write(temp.resolve(name), content);
        RawReturn read = new WorkbookReader(ConsistentReturn.FRAMEWORK).read(file);
        assertThat(read.readable()).isFalse();
        assertThat(read.findings()).hasSize(1);
        Finding finding = read.findings().get(0);
        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.severity()).isEqualTo(code == FindingCode.F15 ? Severity.INFO : Severity.ERROR);
        assertThat(finding.file()).isEqualTo(name);
        assertThat(finding.message()).contains(message).endsWith("。").doesNotContainPattern(LEAK);
    }

    /** An OpenDocument spreadsheet as LibreOffice writes it: the mimetype entry first and stored, then the content. */
    private static byte[] ods() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = ODS.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            put(zip, "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
            put(zip, "META-INF/manifest.xml", "<manifest:manifest/>");
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                put(zip, entries[i], entries[i + 1]);
            }
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] ole2(String stream) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = bytes) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), stream);
            fs.writeFilesystem(out);
        }
        return bytes.toByteArray();
    }

    /** What Excel's "Unicode 文本" writes: UTF-16LE with a byte-order mark, tab-separated. */
    private static byte[] utf16le(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        return withBom;
    }
}
