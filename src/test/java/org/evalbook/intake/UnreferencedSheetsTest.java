package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.template.ConsistentReturn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sheet no defined name points to (the 工作底稿, the 填报说明) holds nothing the streaming reader takes, so once a
 * worker has parsed one without a problem, the same stored bytes in a later return are not parsed again. Nothing is
 * read differently for it: a sheet met for the first time is parsed (a hostile one still sends the file to POI), a
 * sheet that a name does point to is parsed every time, and a name that reaches a sheet left unparsed sends the file
 * to POI, which reads it as it always did.
 */
class UnreferencedSheetsTest {
    /** The consistent return's parts: the 填报说明 (only print titles point to it) and the 基础数据表. */
    private static final String INSTRUCTIONS = "xl/worksheets/sheet1.xml";
    private static final String BASIC_DATA = "xl/worksheets/sheet2.xml";
    private static final WorkbookReader POI = new WorkbookReader(ConsistentReturn.FRAMEWORK, false);
    private static final WorkbookReader STREAMING = new WorkbookReader(ConsistentReturn.FRAMEWORK);
    @TempDir
    static Path dir;
    private static Path consistent;

    @BeforeAll
    static void source() throws Exception {
        try (XSSFWorkbook workbook = ConsistentReturn.workbook()) {
            consistent = ConsistentReturn.save(workbook, dir.resolve("consistent.xlsx"));
        }
        assertThat(part(consistent, "xl/workbook.xml")).contains("name=\"填报说明\"", "name=\"基础数据表\"");
    }

    @Test
    void onlyAnUnreferencedSheetParsedWithoutAProblemIsRemembered() throws Exception {
        Path copy = replaced("remembered.xlsx", "xl/workbook.xml", "<workbook ", "<workbook ");
        Optional<RawReturn> first = STREAMING.readStreamedOnly(copy, "remembered.xlsx");
        assertThat(first).isPresent();
        assertThat(STREAMING.readStreamedOnly(copy, "remembered.xlsx")).as("its 填报说明 known, not parsed").isEqualTo(first);
        assertThat(STREAMING.read(copy, "remembered.xlsx")).isEqualTo(POI.read(copy, "remembered.xlsx"));
        assertThat(StreamedWorkbook.cleanParts().known(print(copy, INSTRUCTIONS))).isTrue();
        assertThat(StreamedWorkbook.cleanParts().known(print(copy, BASIC_DATA))).as("a sheet names point to").isFalse();

        Path hostile = replaced("hostile.xlsx", INSTRUCTIONS, "</worksheet>",
                "<extLst><ext uri=\"{EVALBOOK-TEST}\"><" + "n".repeat(1001) + "/></ext></extLst></worksheet>");
        for (int time = 0; time < 2; time++) {
            assertThat(STREAMING.readStreamedOnly(hostile, "hostile.xlsx")).as("a damaged sheet, whoever points to it").isEmpty();
        }
        assertThat(StreamedWorkbook.cleanParts().known(print(hostile, INSTRUCTIONS))).isFalse();
        assertThat(STREAMING.read(hostile, "hostile.xlsx")).isEqualTo(POI.read(hostile, "hostile.xlsx"));
    }

    @Test
    void aPrintChangesWithTheStoredBytes() throws Exception {
        Path one = replaced("one.xlsx", BASIC_DATA, "</worksheet>", "</worksheet>");
        Path other = replaced("other.xlsx", BASIC_DATA, "</worksheet>", "</worksheet> ");
        assertThat(print(one, INSTRUCTIONS)).isEqualTo(print(other, INSTRUCTIONS));
        assertThat(print(one, BASIC_DATA)).isNotEqualTo(print(other, BASIC_DATA));
        Path stored = replaced("stored.xlsx", Deflater.NO_COMPRESSION, BASIC_DATA, "</worksheet>", "</worksheet>");
        assertThat(print(stored, INSTRUCTIONS)).as("the same XML compressed otherwise").isNotEqualTo(print(one, INSTRUCTIONS));
    }

    /**
     * "İ说明" and "i说明" are the same sheet name to Excel's case rule ({@code equalsIgnoreCase}), but not in lower case,
     * so a name referring to "i说明!A1" is not seen to point to the sheet "İ说明": the first return parses the sheet
     * (first met) and is read by the streaming reader; the second, byte for byte the same, leaves the sheet unparsed
     * and, as its name reaches it, goes to POI. Both read as POI reads them.
     */
    @Test
    void aNameReachingASheetLeftUnparsedSendsTheFileToPoi() throws Exception {
        // Deflated at a level no other copy here uses, so that its sheets' stored bytes are met here first.
        Path turkish = replaced("turkish.xlsx", Deflater.BEST_SPEED, "xl/workbook.xml",
                "name=\"填报说明\"", "name=\"İ说明\"", ">基础数据表!$B$9<", ">i说明!$A$1<");
        assertThat(part(turkish, "xl/workbook.xml")).contains("name=\"contact_name\"");
        assertThat(STREAMING.readStreamedOnly(turkish, "turkish.xlsx")).as("first met: parsed").isPresent();
        assertThat(STREAMING.readStreamedOnly(turkish, "turkish.xlsx")).as("known: unparsed, reached").isEmpty();
        RawReturn read = STREAMING.read(turkish, "turkish.xlsx");
        assertThat(read).isEqualTo(POI.read(turkish, "turkish.xlsx"));
        assertThat(read.names().get("contact_name").cells()).extracting(RawCell::ref).containsExactly("İ说明!A1");
    }

    /**
     * The workbook's names are kept by the bytes of their part: a second return carrying the same part reads as the
     * first, and one whose part differs in a single name (contact_name moved from B9 to B10) reads its own names — in
     * both cases exactly as POI reads them. A part that gives up is not kept: the file goes to POI each time.
     */
    @Test
    void theWorkbookPartIsKeptByItsBytes() throws Exception {
        Path first = replaced("names-first.xlsx", BASIC_DATA, "</worksheet>", "</worksheet>");
        Path again = replaced("names-again.xlsx", BASIC_DATA, "</worksheet>", "</worksheet>");
        Path moved = replaced("names-moved.xlsx", "xl/workbook.xml", ">基础数据表!$B$9<", ">基础数据表!$B$10<");
        assertThat(print(again, "xl/workbook.xml")).isEqualTo(print(first, "xl/workbook.xml"));
        assertThat(print(moved, "xl/workbook.xml")).isNotEqualTo(print(first, "xl/workbook.xml"));
        for (Path file : List.of(first, again, moved, first)) {
            RawReturn streamed = STREAMING.readStreamedOnly(file, "names.xlsx").orElseThrow();
            assertThat(streamed).as(file.getFileName().toString()).isEqualTo(POI.read(file, "names.xlsx"));
        }
        assertThat(STREAMING.readStreamedOnly(moved, "names.xlsx").orElseThrow().names().get("contact_name").cells())
                .extracting(RawCell::ref).containsExactly("基础数据表!B10");
        assertThat(STREAMING.readStreamedOnly(first, "names.xlsx").orElseThrow().names().get("contact_name").cells())
                .extracting(RawCell::ref).containsExactly("基础数据表!B9");

        Path hostile = replaced("names-hostile.xlsx", "xl/workbook.xml", "</workbook>",
                "<extLst><ext uri=\"{EVALBOOK-TEST}\"><" + "n".repeat(1001) + "/></ext></extLst></workbook>");
        for (int time = 0; time < 2; time++) {
            assertThat(STREAMING.readStreamedOnly(hostile, "names.xlsx")).as("a workbook part over the limits").isEmpty();
        }
    }

    private static CleanParts.Print print(Path file, String part) throws IOException {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            return CleanParts.of(zip, zip.getEntry(part));
        }
    }

    private static String part(Path file, String name) throws IOException {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A copy of the consistent return, every part deflated again, with pairs of (from, to) replaced once in one part. */
    private static Path replaced(String name, String part, String... fromTo) throws IOException {
        return replaced(name, Deflater.DEFAULT_COMPRESSION, part, fromTo);
    }

    private static Path replaced(String name, int level, String part, String... fromTo) throws IOException {
        return EditedCopies.replaced(consistent, dir.resolve(name), level, part, fromTo);
    }
}
