package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Frameworks;
import org.evalbook.template.ConsistentReturn;
import org.evalbook.template.WorkbookFiller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big but valid workbooks are read, and a file that goes past a limit is F08 naming that limit — never F07
 * (damaged) and never F14 (a bug).
 */
class ReadLimitsTest {
    private static final String PLACEHOLDER = "LONG-TEXT-PLACEHOLDER";

    @TempDir
    static Path temp;
    /** The consistent return with a placeholder in report_spending, made once: building a return takes seconds. */
    private static Path source;

    private final WorkbookReader reader = new WorkbookReader(ConsistentReturn.FRAMEWORK);

    @BeforeAll
    static void source() throws Exception {
        try (XSSFWorkbook workbook = ConsistentReturn.workbook()) {
            new WorkbookFiller(workbook).cell("report_spending", 0).setCellValue(PLACEHOLDER);
            source = ConsistentReturn.save(workbook, temp.resolve("source.xlsx"));
        }
    }

    @Test
    void aValidReturnWithAThousandSheetsIsRead() throws Exception {
        Path file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(source.toFile().getPath())) {
            for (int i = workbook.getNumberOfSheets(); i < 1000; i++) {
                workbook.createSheet("附表" + i).createRow(0).createCell(0).setCellValue(i);
            }
            file = temp.resolve("千张表.xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        RawReturn read = reader.read(file);
        assertThat(read.findings()).isEmpty();
        assertThat(read.format()).isEqualTo("xlsx");
        assertThat(read.names()).containsKey("unit_name");
    }

    @Test
    void aReturnWithNineThousandNineHundredNinetyZipEntriesIsRead() throws Exception {
        Path file = rewritten("9990.xlsx", 9990, "", false);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.size()).isEqualTo(9990);
        }
        RawReturn read = reader.read(file);
        assertThat(read.findings()).isEmpty();
        assertThat(read.names()).containsKey("unit_name");
    }

    @Test
    void moreZipEntriesThanTheLimitIsF08NamingTheLimit() throws Exception {
        Path file = rewritten("10001.xlsx", 10_001, "", false);
        Finding finding = only(reader.read(file));
        assertThat(finding.code()).isEqualTo(FindingCode.F08);
        assertThat(finding.message()).startsWith("压缩结构内有 10001 个文件，超过读取上限 10000 个");
    }

    @Test
    void aSharedStringOfTwentyOneMillionCharactersIsF08NamingTheLimit() throws Exception {
        Path file = rewritten("长文本.xlsx", 0, randomText(21_000_000), false);
        Finding finding = only(reader.read(file));
        assertThat(finding.code()).isEqualTo(FindingCode.F08);
        assertThat(finding.message()).startsWith("文件中有一段单元格文字有 21000000 个字符，超过 Excel 单元格 32767 个字符的上限");
    }

    @Test
    void anInlineStringOverTheCellLimitIsF08NamingTheCell() throws Exception {
        Path file = rewritten("行内长文本.xlsx", 0, randomText(TextLimit.MAX_CELL_CHARS + 1), true);
        Finding finding = only(reader.read(file));
        assertThat(finding.code()).isEqualTo(FindingCode.F08);
        assertThat(finding.field()).isEqualTo("report_spending");
        assertThat(finding.cells()).hasSize(1);
        assertThat(finding.message()).startsWith(finding.cells().get(0) + " 单元格的内容有 32768 个字符，超过 Excel 单元格 32767 个字符的上限");
    }

    @Test
    void aCellOfExactlyTheLimitIsRead() throws Exception {
        Path file = rewritten("刚好上限.xlsx", 0, randomText(TextLimit.MAX_CELL_CHARS), true);
        RawReturn read = reader.read(file);
        assertThat(read.findings()).isEmpty();
        assertThat(read.names().get("report_spending").cells().get(0).text()).hasSize(TextLimit.MAX_CELL_CHARS);
    }

    /** Through the worker a 21-million-character text used to be F14: too long to hand back from the worker. */
    @Test
    void theLongTextThroughTheWorkerIsF08NotAnInternalError() throws Exception {
        Path file = rewritten("长文本-进程.xlsx", 0, randomText(21_000_000), false);
        IsolatedReader isolated = new IsolatedReader(Frameworks.DEFAULT_ID, new IsolatedReader.Limits(1, Duration.ofSeconds(120), 512));
        Finding finding = only(isolated.readAll(List.of(Received.of(file, file.getFileName().toString()))).get(0));
        assertThat(finding.code()).isEqualTo(FindingCode.F08);
        assertThat(finding.message()).contains("超过 Excel 单元格 32767 个字符的上限");
    }

    private static Finding only(RawReturn read) {
        assertThat(read.findings()).hasSize(1);
        return read.findings().get(0);
    }

    /**
     * The consistent return, rewritten as raw zip entries: padded with empty parts up to {@code entries} zip entries,
     * and with report_spending's text replaced by {@code longText}: in the shared strings, or {@code inline} in the
     * sheet (POI itself refuses to write more than 32767 characters in a cell).
     */
    private static Path rewritten(String name, int entries, String longText, boolean inline) throws IOException {
        int index = placeholderIndex();
        Path file = temp.resolve(name);
        int written = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/sharedStrings.xml") && !longText.isEmpty() && !inline) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    out.write(xml.replace(PLACEHOLDER, longText).getBytes(StandardCharsets.UTF_8));
                } else if (e.getName().startsWith("xl/worksheets/sheet") && inline) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll(
                            "<c r=\"([A-Z]+[0-9]+)\"([^>]*?) t=\"s\"([^>]*)><v>" + index + "</v></c>",
                            "<c r=\"$1\"$2 t=\"inlineStr\"$3><is><t>" + longText + "</t></is></c>");
                    out.write(xml.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
                written++;
            }
            for (int i = written; i < entries; i++) {
                out.putNextEntry(new ZipEntry("customXml/pad" + i + ".xml"));
                out.write("<pad/>".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    /** The placeholder's position in the shared strings, which is what its cell refers to. */
    private static int placeholderIndex() throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(source.toFile())) {
            String xml = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(), StandardCharsets.UTF_8);
            String before = xml.substring(0, xml.indexOf(PLACEHOLDER));
            return before.split("<si>", -1).length - 2;
        }
    }

    /** Letters that do not compress like a zip bomb, so only the length limit can stop them. */
    private static String randomText(int length) {
        Random random = new Random(7);
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(text);
    }
}
