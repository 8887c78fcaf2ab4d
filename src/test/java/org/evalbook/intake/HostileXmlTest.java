package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.template.ConsistentReturn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML that Woodstox, the streaming reader's parser, might treat otherwise than POI's secure Xerces: each such file is
 * left to POI, and gets exactly the finding it got when Xerces read it (checked against the reader before Woodstox on
 * these same files). A document type is refused whether or not its entity is used; a name over Xerces's 1,000
 * characters is refused by POI; nesting deeper than Woodstox allows, an attribute longer than it allows, and XML 1.1
 * are read by POI as the plain return they are.
 */
class HostileXmlTest {
    @TempDir
    static Path dir;
    private static Path consistent;
    private static final WorkbookReader POI = new WorkbookReader(ConsistentReturn.FRAMEWORK, false);
    private static final WorkbookReader STREAMING = new WorkbookReader(ConsistentReturn.FRAMEWORK);

    @BeforeAll
    static void source() throws Exception {
        try (XSSFWorkbook workbook = ConsistentReturn.workbook()) {
            consistent = ConsistentReturn.save(workbook, dir.resolve("consistent.xlsx"));
        }
    }

    @Test
    void aDocumentTypeIsRefusedAsAnXmlBombWhetherItsEntityIsUsedOrNot() throws Exception {
        String doctype = "<!DOCTYPE workbook [<!ENTITY unit \"unit_name\">]><workbook ";
        for (Path file : List.of(
                replaced("entity.xlsx", "xl/workbook.xml", "<workbook ", doctype),
                replaced("entity-used.xlsx", "xl/workbook.xml", "name=\"unit_name\"", "name=\"&unit;\"", "<workbook ", doctype))) {
            RawReturn read = leftToPoi(file);
            assertThat(read.readable()).isFalse();
            assertThat(read.findings()).extracting(Finding::code).containsExactly(FindingCode.F08);
            assertThat(read.findings().get(0).message()).contains("DOCTYPE");
        }
    }

    @Test
    void aNameLongerThanXercesAcceptsIsRefused() throws Exception {
        String name = "n".repeat(1001);
        for (Path file : List.of(
                replaced("long-element.xlsx", "xl/worksheets/sheet1.xml", "</worksheet>", extension(">", "<" + name + "/>")),
                replaced("long-attribute.xlsx", "xl/worksheets/sheet1.xml", "</worksheet>", extension(" " + name + "=\"1\">", "")))) {
            RawReturn read = leftToPoi(file);
            assertThat(read.readable()).isFalse();
            assertThat(read.findings()).extracting(Finding::code).containsExactly(FindingCode.F08);
        }
    }

    @Test
    void deepNestingAHugeAttributeAndXml11AreReadByPoiAsThePlainReturn() throws Exception {
        StringBuilder noise = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (noise.length() < 600_000) {
            // incompressible, so that the zip-bomb check does not refuse the file first
            noise.append(Long.toHexString(random.nextLong()));
        }
        RawReturn plain = STREAMING.read(consistent, "x");
        assertThat(plain.findings()).isEmpty();
        for (Path file : List.of(
                replaced("deep.xlsx", "xl/worksheets/sheet1.xml", "</worksheet>", extension(">", "<deep>".repeat(1200) + "</deep>".repeat(1200))),
                replaced("wide.xlsx", "xl/worksheets/sheet1.xml", "</worksheet>", extension(" big=\"" + noise + "\">", "")),
                replaced("xml11.xlsx", "xl/workbook.xml", "<?xml version=\"1.0\"", "<?xml version=\"1.1\""))) {
            assertThat(leftToPoi(file).named("x")).as(file.getFileName().toString()).isEqualTo(plain);
        }
    }

    /**
     * Names Woodstox keeps in a table an attacker can flood with colliding hashes ("Aa" and "BB" hash alike in Java, so
     * every mix of them collides): past a few thousand distinct names in a part the file is left to POI, which reads
     * it as the plain return it is; a long namespace prefix or processing-instruction target, past Xerces's limit on
     * names, is left to POI too, and gets what POI gives.
     */
    @Test
    void collidingNamesALongPrefixAndALongInstructionTargetAreLeftToPoi() throws Exception {
        RawReturn plain = STREAMING.read(consistent, "x");
        StringBuilder colliding = new StringBuilder();
        for (int i = 0; i < 2100; i++) {
            String name = "x" + Integer.toBinaryString(i | 4096).replace("0", "Aa").replace("1", "BB");
            colliding.append('<').append(name).append("/>");
        }
        Path flooded = replaced("colliding.xlsx", "xl/worksheets/sheet1.xml", "</worksheet>", extension(">", colliding.toString()));
        assertThat(leftToPoi(flooded).named("x")).isEqualTo(plain);
        String prefix = "p".repeat(1001);
        for (Path file : List.of(
                replaced("long-prefix.xlsx", "xl/worksheets/sheet1.xml", "</worksheet>", extension(" xmlns:" + prefix + "=\"urn:x\">", "")),
                replaced("long-target.xlsx", "xl/worksheets/sheet1.xml", "</worksheet>", extension(">", "<?" + "t".repeat(1001) + " x?>")))) {
            leftToPoi(file);
        }
    }

    /** What reading {@code file} gives, having checked that the streaming reader left it to POI. */
    private static RawReturn leftToPoi(Path file) throws IOException {
        String name = file.getFileName().toString();
        assertThat(STREAMING.readStreamedOnly(file, name)).as(name).isEmpty();
        RawReturn read = STREAMING.read(file, name);
        assertThat(read).as(name).isEqualTo(POI.read(file, name));
        return read;
    }

    /** An extension list closing the worksheet: {@code ext}'s attributes and content. */
    private static String extension(String attributes, String content) {
        return "<extLst><ext uri=\"{EVALBOOK-TEST}\"" + attributes + content + "</ext></extLst></worksheet>";
    }

    /** A copy of the consistent return with pairs of (from, to) replaced once in one part. */
    private static Path replaced(String name, String part, String... fromTo) throws IOException {
        return EditedCopies.replaced(consistent, dir.resolve(name), Deflater.DEFAULT_COMPRESSION, part, fromTo);
    }
}
