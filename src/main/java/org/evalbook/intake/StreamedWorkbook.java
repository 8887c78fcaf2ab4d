package org.evalbook.intake;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.evalbook.framework.Decimals;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * An xlsx or xlsm return read with one streaming pass over each of its parts, for what {@link WorkbookReader} takes
 * from it: the defined names, the cells of every sheet, the shared strings and the number formats. Building POI's whole
 * usermodel costs several times as much (nearly all of a worker's time); this reads the same parts under the same
 * limits: POI's zip reader with its zip-bomb checks, a StAX parser that refuses at least what POI's secure Xerces
 * refuses ({@link #FACTORY}), inside the same worker with its heap and time limits.
 *
 * <p>It mirrors what POI returns for each cell, and gives up — {@link #open} returns empty, and the file is read by
 * POI exactly as before — on anything it does not mirror exactly: a part of a kind it does not know, a shared, array
 * or data-table formula, 1904 dates, a text with an {@code _xHHHH_} escape, a row or cell without its reference or
 * given twice, an attribute it cannot parse, a number format it cannot resolve, a damaged or oversized part.
 */
final class StreamedWorkbook implements WorkbookReader.Book {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static final Set<String> WORKBOOK_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    /** The parts a return saved by evalbook, Excel, WPS or LibreOffice has; any other kind sends the file to POI. */
    private static final Set<String> KNOWN_TYPES = Set.of(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
            "application/vnd.openxmlformats-officedocument.theme+xml",
            "application/vnd.openxmlformats-package.core-properties+xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml",
            "application/vnd.openxmlformats-package.relationships+xml",
            "application/vnd.ms-office.vbaProject",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings",
            "application/xml");
    /** Relationship kinds a worksheet may have without POI reading anything more for it. */
    private static final Set<String> SHEET_RELATIONS = Set.of(REL_TYPES + "printerSettings");
    /**
     * Woodstox's StAX parser, about twice as fast as the JDK's Xerces that POI uses, set up to refuse at least what
     * POI's secure Xerces refuses: no document type at all (a DTD event gives up before any declaration is used, so no
     * entity can be declared, expanded or fetched), no external entities, only the predefined entities, Woodstox's
     * default limits on depth and attributes, 16 MB of text at a time, Xerces's limit on a name's length and a cap on
     * the distinct names in one part ({@link #MAX_DISTINCT_NAMES}), all far beyond any workbook. Anything over a limit is left to POI,
     * which reads the file exactly as it did before this reader existed. Thread-safe once configured.
     */
    private static final XMLInputFactory FACTORY = factory();
    /** Xerces's secure limit on the length of an element or attribute name (jdk.xml.maxXMLNameLimit). */
    private static final int MAX_NAME = 1000;
    /**
     * Distinct element and attribute names one part may use; a spreadsheet part uses a few dozen. Woodstox keeps names
     * in a table whose hash an attacker can collide, and never limits a chain: many distinct colliding names would
     * cost quadratic time, where Xerces guards against it. Past this the part is left to POI.
     */
    private static final int MAX_DISTINCT_NAMES = 2000;
    /**
     * The parts this worker parsed without a problem whose content is not needed (a sheet no name points to, the
     * document properties): one stored the same again in a later return gives the same outcome, so it is not parsed
     * again (see {@link #pointedAt}); and what the workbook part and the styles parsed into ({@link Package#parseOnce}).
     */
    private static final CleanParts CLEAN_PARTS = new CleanParts();
    /**
     * The largest part whose parsed content is kept ({@link Package#parseOnce}): an issued workbook part is some 21 KB
     * and its styles 8 KB; a file with a far larger one is not a return filled by a program, and keeping it would only
     * hold memory.
     */
    private static final long MOST_KEPT_PART = 128 * 1024;
    private static final Pattern PLAIN_ENTRY = Pattern.compile("[A-Za-z0-9_./\\[\\]-]+");

    /** A sheet's cells as stored: row index → column index → cell; column index → its default style. */
    private record Sheet(String name, Map<Integer, Map<Integer, Stored>> rows, Map<Integer, Integer> columnStyles) {
    }

    /** One {@code <c>} element: its type attribute, style, value, formula text and inline text (null when absent). */
    private record Stored(String type, Integer style, String value, String formula, String inline) {
    }

    /** The file is one this reader does not mirror exactly; POI reads it instead. */
    private static final class GiveUp extends Exception {
        GiveUp(String why) {
            super(why, null, false, false);
        }
    }

    /** The workbook-scoped names: key (lower case) → formula, and → the name as spelled. */
    private final Map<String, String> names;
    private final Map<String, String> nameSpelling;
    /** The sheet-scoped names by the index of their sheet: key → formula, and → spelling. */
    private final Map<Integer, Map<String, String>> localNames;
    private final Map<Integer, Map<String, String>> localSpelling;
    /** Every sheet's name in the workbook's order, and the sheet as read (empty when no name points to it). */
    private final List<String> sheetNames;
    private final List<Optional<Sheet>> sheets;
    private final List<String> strings;
    private final List<Integer> styleFormats;
    private final Map<Integer, String> customFormats;
    private final NumberFormats formats;
    /** Set when a cell turned out to be something not mirrored exactly: what was read is then thrown away. */
    private boolean gaveUp;

    private StreamedWorkbook(WorkbookPart book, List<Optional<Sheet>> sheets, List<String> strings,
                             List<Integer> styleFormats, Map<Integer, String> customFormats, NumberFormats formats) {
        this.sheetNames = book.sheets.stream().map(sheet -> sheet[0]).toList();
        this.names = book.names;
        this.nameSpelling = book.spelling;
        this.localNames = book.localNames;
        this.localSpelling = book.localSpelling;
        this.sheets = sheets;
        this.strings = strings;
        this.styleFormats = styleFormats;
        this.customFormats = customFormats;
        this.formats = formats;
    }

    /** The memory of the parts parsed without a problem, for tests. */
    static CleanParts cleanParts() {
        return CLEAN_PARTS;
    }

    /** The workbook, or empty when it is anything this reader does not mirror exactly (POI then reads it). */
    static Optional<StreamedWorkbook> open(File file, NumberFormats formats, Set<String> contract) {
        try (ZipSecureFile zip = new ZipSecureFile(file)) {
            return Optional.of(read(zip, formats, contract));
        } catch (GiveUp | IOException | XMLStreamException | RuntimeException | StackOverflowError odd) {
            return Optional.empty();
        }
    }

    /**
     * @param contract the contract's name ids in lower case: a workbook with fewer than three of them is read by its
     *                 labels, from POI's whole workbook, so it is left to POI before any sheet is parsed
     */
    private static StreamedWorkbook read(ZipSecureFile zip, NumberFormats formats, Set<String> contract) throws GiveUp, IOException, XMLStreamException {
        Map<String, ZipArchiveEntry> entries = new HashMap<>();
        Set<String> lowerCase = new HashSet<>();
        for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
            String name = entry.getName();
            if (entry.isDirectory() || !PLAIN_ENTRY.matcher(name).matches() || name.startsWith("/") || name.contains("//")
                    || !lowerCase.add(name.toLowerCase(Locale.ROOT)) || entries.put(name, entry) != null) {
                giveUp("entry name");
            }
        }
        Package pkg = new Package(zip, entries);
        Map<String, String> types = contentTypes(pkg);
        for (String part : entries.keySet()) {
            String type = types.get(part);
            if (!part.equals("[Content_Types].xml") && (type == null || !(KNOWN_TYPES.contains(type) || WORKBOOK_TYPES.contains(type)))) {
                giveUp("part type");
            }
        }
        Map<String, String[]> root = relationships(pkg, "_rels/.rels", "");
        String main = null;
        for (String[] rel : root.values()) {
            if (rel[0].equals(REL_TYPES + "officeDocument")) {
                if (main != null) {
                    giveUp("two workbooks");
                }
                main = rel[1];
            }
        }
        if (!"xl/workbook.xml".equals(main) || !WORKBOOK_TYPES.contains(types.get(main))) {
            giveUp("main part");
        }
        Map<String, String[]> workbookRels = relationships(pkg, "xl/_rels/workbook.xml.rels", "xl/");
        WorkbookPart book = pkg.parseOnce("xl/workbook.xml", WorkbookPart.class, WorkbookPart::new);
        Set<String> named = new HashSet<>(book.names.keySet());
        book.localNames.values().forEach(local -> named.addAll(local.keySet()));
        if (named.stream().filter(contract::contains).count() < 3) {
            giveUp("names too few to follow");
        }
        List<String> strings = List.of();
        List<Integer> styleFormats = List.of();
        Map<Integer, String> customFormats = Map.of();
        Set<String> sheetTargets = new HashSet<>();
        for (String[] rel : workbookRels.values()) {
            String kind = rel[0];
            if (kind.equals(REL_TYPES + "sharedStrings")) {
                StringsPart sst = new StringsPart();
                pkg.parse(rel[1], sst);
                if (!strings.isEmpty()) {
                    giveUp("two string tables");
                }
                strings = sst.items;
            } else if (kind.equals(REL_TYPES + "styles")) {
                StylesPart styles = pkg.parseOnce(rel[1], StylesPart.class, StylesPart::new);
                styleFormats = styles.cellFormats;
                customFormats = styles.custom;
            } else if (kind.equals(REL_TYPES + "worksheet")) {
                sheetTargets.add(rel[1]);
            } else if (!kind.equals(REL_TYPES + "theme") && !kind.equals(REL_TYPES + "calcChain")
                    && !kind.equals("http://schemas.microsoft.com/office/2006/relationships/vbaProject")) {
                giveUp("workbook relation " + kind);
            }
        }
        List<Optional<Sheet>> sheets = new ArrayList<>();
        java.util.function.BiPredicate<String, Integer> pointedAt = book.pointedAt();
        for (int index = 0; index < book.sheets.size(); index++) {
            String[] sheet = book.sheets.get(index);
            String[] rel = workbookRels.get(sheet[1]);
            if (rel == null || !rel[0].equals(REL_TYPES + "worksheet")) {
                giveUp("sheet without its part");
            }
            String sheetRels = rel[1].replaceFirst("([^/]+)$", "_rels/$1.rels");
            if (entries.containsKey(sheetRels)) {
                for (String[] sheetRel : relationships(pkg, sheetRels, rel[1].substring(0, rel[1].lastIndexOf('/') + 1)).values()) {
                    if (!SHEET_RELATIONS.contains(sheetRel[0])) {
                        giveUp("sheet relation " + sheetRel[0]);
                    }
                }
            }
            SheetPart part = new SheetPart();
            if (pointedAt.test(sheet[0], index)) {
                pkg.parse(rel[1], part);
            } else if (!pkg.parseUnlessClean(rel[1], part)) {
                sheets.add(Optional.empty());
                continue;
            }
            sheets.add(Optional.of(new Sheet(sheet[0], part.rows, part.columnStyles)));
        }
        // Every other XML part is scanned too, so that a damaged one is refused by POI as before, not read past; one
        // stored as a part this worker scanned cleanly before gives the same outcome again.
        for (String name : entries.keySet()) {
            if ((name.endsWith(".xml") || name.endsWith(".rels")) && !name.startsWith("xl/worksheets/") && !pkg.parsed().contains(name)) {
                pkg.parseUnlessClean(name, new Handler());
            }
        }
        return new StreamedWorkbook(book, List.copyOf(sheets), strings, styleFormats, customFormats, formats);
    }

    /** Whether some shared string is longer than a cell can hold (POI then refuses the file, as before). */
    boolean hasTooLongString() {
        for (String string : strings) {
            if (string.length() > TextLimit.MAX_CELL_CHARS) {
                return true;
            }
        }
        return false;
    }

    @Override
    public WorkbookReader.Defined name(String id) {
        return defined(names, nameSpelling, id);
    }

    @Override
    public WorkbookReader.Defined name(String id, int sheet) {
        return defined(localNames.getOrDefault(sheet, Map.of()), localSpelling.getOrDefault(sheet, Map.of()), id);
    }

    private static WorkbookReader.Defined defined(Map<String, String> scope, Map<String, String> spelling, String id) {
        String key = id.toLowerCase(Locale.ENGLISH);
        // A name without a formula is held as "", so null means no such name.
        String formula = scope.get(key);
        if (formula == null) {
            return null;
        }
        return WorkbookReader.Defined.of(spelling.get(key), formula.isEmpty() ? null : formula);
    }

    @Override
    public List<String> sheetNames() {
        return sheetNames;
    }

    @Override
    public WorkbookReader.Grid sheet(String name) {
        int index = indexOf(name);
        if (index < 0) {
            return null;
        }
        Optional<Sheet> found = sheets.get(index);
        if (found.isEmpty()) {
            // A name reached a sheet judged out of every name's reach (see pointedAt): POI reads the file instead.
            gaveUp = true;
            return null;
        }
        Sheet sheet = found.get();
        return new WorkbookReader.Grid() {
            @Override
            public String sheetName() {
                return sheet.name();
            }

            @Override
            public boolean emptyRow(int row) {
                Map<Integer, Stored> cells = sheet.rows().get(row);
                return cells == null || cells.isEmpty();
            }

            @Override
            public RawCell cell(int row, int column) {
                return mirrored(sheet, row, column);
            }
        };
    }

    /** The index of the first sheet so called, ignoring case; -1 when there is none. */
    private int indexOf(String name) {
        for (int index = 0; index < sheetNames.size(); index++) {
            if (sheetNames.get(index).equalsIgnoreCase(name)) {
                return index;
            }
        }
        return -1;
    }

    /** Whether some cell read turned out not to be mirrored exactly (what was read must then be thrown away). */
    boolean gaveUp() {
        return gaveUp;
    }

    /** The cell, or a blank with {@link #gaveUp} set when it is not mirrored exactly. */
    private RawCell mirrored(Sheet sheet, int row, int column) {
        try {
            return cell(sheet, row, column);
        } catch (RuntimeException odd) {
            gaveUp = true;
            return Cells.blank(sheet.name(), row, column);
        }
    }

    /** The meta sheet's key/value rows as POI's DataFormatter shows them; empty without the sheet. */
    Map<String, String> meta() {
        Map<String, String> meta = new LinkedHashMap<>();
        int index = indexOf(org.evalbook.signing.IssueIdentity.META_SHEET);
        if (index < 0) {
            return meta;
        }
        // pointedAt reads every sheet so called; the first is the meta sheet, as for POI.
        Sheet sheet = sheets.get(index).orElseThrow();
        for (Map.Entry<Integer, Map<Integer, Stored>> row : sheet.rows().entrySet()) {
            String key = text(sheet, row.getKey(), 0);
            if (!key.isBlank()) {
                meta.put(key, text(sheet, row.getKey(), 1));
            }
        }
        return meta;
    }

    /** A meta cell's text: only strings and blanks are mirrored. */
    private String text(Sheet sheet, int row, int column) {
        RawCell cell = mirrored(sheet, row, column);
        if (cell.type().equals("BLANK") && !cell.hasFormula()) {
            return "";
        }
        if (!cell.type().equals("STRING") || cell.hasFormula()) {
            gaveUp = true;
        }
        return cell.text();
    }

    /** The cell as {@link Cells#of} reads it from POI. */
    private RawCell cell(Sheet sheet, int row, int column) {
        Map<Integer, Stored> cells = sheet.rows().get(row);
        Stored stored = cells == null ? null : cells.get(column);
        if (stored == null) {
            return Cells.blank(sheet.name(), row, column);
        }
        String ref = Cells.ref(sheet.name(), row, column);
        String type = stored.type() == null ? "n" : stored.type();
        String formula = stored.formula() == null ? "" : stored.formula();
        if (stored.formula() != null && stored.value() == null) {
            return new RawCell(ref, Cells.UNCACHED, "", "", formula, false);
        }
        switch (type) {
            case "n" -> {
                if (stored.value() == null && stored.formula() == null) {
                    return new RawCell(ref, "BLANK", "", "", "", false);
                }
                double value = stored.value().isEmpty() ? 0.0 : Double.parseDouble(stored.value());
                int style = style(sheet, stored, column);
                int index = styleFormats.get(style);
                String format = customFormats.getOrDefault(index, BuiltinFormats.getBuiltinFormat(index));
                if (format == null) {
                    throw new IllegalStateException("unknown number format");
                }
                boolean date = DateUtil.isValidExcelDate(value) && DateUtil.isADateFormat(index, format);
                String number = Double.isFinite(value) ? Decimals.ofDouble(value).toPlainString() : "";
                String text = formula.isEmpty() ? formats.format(value, index, format) : number;
                return new RawCell(ref, "NUMERIC", text, number, formula, date);
            }
            case "s", "str", "inlineStr" -> {
                return new RawCell(ref, "STRING", string(type, stored), "", formula, false);
            }
            case "b" -> {
                return new RawCell(ref, "BOOLEAN", String.valueOf("1".equals(stored.value())), "", formula, false);
            }
            case "e" -> {
                return new RawCell(ref, "ERROR", error(stored.value()), "", formula, false);
            }
            default -> throw new IllegalStateException("cell type " + type);
        }
    }

    private String string(String type, Stored stored) {
        String text;
        if (type.equals("inlineStr")) {
            text = stored.inline() != null ? stored.inline() : stored.value() != null ? stored.value() : "";
        } else if (type.equals("str")) {
            text = stored.value() != null ? stored.value() : "";
        } else {
            try {
                text = strings.get(Integer.parseInt(stored.value()));
            } catch (RuntimeException outOfTable) {
                text = "";
            }
        }
        if (text.contains("_x")) {
            throw new IllegalStateException("escaped text");
        }
        return text;
    }

    private static String error(String value) {
        try {
            byte code = value == null ? 0 : FormulaError.forString(value).getCode();
            return FormulaError.forInt(code).getString();
        } catch (RuntimeException unknown) {
            return "#ERROR";
        }
    }

    /** The cell's style index as POI resolves it: its own, else its column's, else the default. */
    private int style(Sheet sheet, Stored stored, int column) {
        if (!styleFormats.isEmpty() && stored.style() != null && stored.style() >= 0 && stored.style() < styleFormats.size()) {
            return stored.style();
        }
        if (stored.style() != null && !styleFormats.isEmpty()) {
            throw new IllegalStateException("style out of range");
        }
        int style = sheet.columnStyles().getOrDefault(column, 0);
        if (style >= styleFormats.size()) {
            throw new IllegalStateException("no such style");
        }
        return style;
    }

    private static void giveUp(String why) throws GiveUp {
        throw new GiveUp(why);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.RESOLVER, (javax.xml.stream.XMLResolver) (publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource " + systemId);
        });
        factory.setProperty(WstxInputProperties.P_ALLOW_XML11_ESCAPED_CHARS_IN_XML10, false);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, 1000);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 1000);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 512 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 16 * 1024 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        return factory;
    }

    /** The zip's entries by name, and which XML parts have been parsed already (each is parsed once). */
    private record Package(ZipSecureFile zip, Map<String, ZipArchiveEntry> entries, Set<String> parsed) {
        Package(ZipSecureFile zip, Map<String, ZipArchiveEntry> entries) {
            this(zip, entries, new HashSet<>());
        }

        /** The entry of {@code part}, giving up when the package has none. */
        ZipArchiveEntry entry(String part) throws GiveUp {
            ZipArchiveEntry entry = entries.get(part);
            if (entry == null) {
                giveUp("missing part " + part);
            }
            return entry;
        }

        /**
         * Parses {@code part} through {@code handler} unless this worker parsed the same stored bytes without a problem
         * before (see {@link #CLEAN_PARTS}); only for a part whose content is not needed.
         *
         * @return whether it was parsed (false: known, and {@code handler} got nothing)
         */
        boolean parseUnlessClean(String part, Handler handler) throws GiveUp, IOException, XMLStreamException {
            CleanParts.Print print = CleanParts.of(zip, entry(part));
            if (CLEAN_PARTS.known(print)) {
                parsed.add(part);
                return false;
            }
            parse(part, handler);
            CLEAN_PARTS.remember(print);
            return true;
        }

        /**
         * What {@code part} parses into: made by {@code fresh} and parsed, or what this worker's {@link #CLEAN_PARTS}
         * kept from the same stored bytes (the workbook's names and its styles are the same in every return of a profile
         * filled by a program). Kept only when it parsed without giving up; not to be changed afterwards.
         */
        <H extends Handler> H parseOnce(String part, Class<H> kind, java.util.function.Supplier<H> fresh)
                throws GiveUp, IOException, XMLStreamException {
            CleanParts.Print print = CleanParts.of(zip, entry(part));
            Optional<H> known = CLEAN_PARTS.parsed(print, kind);
            if (known.isPresent()) {
                parsed.add(part);
                return known.get();
            }
            H handler = fresh.get();
            parse(part, handler);
            if (print.size() <= MOST_KEPT_PART) {
                CLEAN_PARTS.remember(print, handler);
            }
            return handler;
        }

        /** Streams {@code part} through {@code handler}, giving up on a document type or anything Xerces would refuse. */
        void parse(String part, Handler handler) throws GiveUp, IOException, XMLStreamException {
            ZipArchiveEntry entry = entry(part);
            parsed.add(part);
            try (InputStream in = zip.getInputStream(entry)) {
                XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
                try {
                    String declared = xml.getCharacterEncodingScheme();
                    if (!"1.0".equals(xml.getVersion() == null ? "1.0" : xml.getVersion()) || !"UTF-8".equalsIgnoreCase(xml.getEncoding())
                            || declared != null && !declared.equalsIgnoreCase("UTF-8")) {
                        giveUp("XML version or encoding");
                    }
                    Attributes attributes = new Attributes(xml);
                    while (xml.hasNext()) {
                        switch (xml.next()) {
                            case XMLStreamConstants.START_ELEMENT -> {
                                attributes.checkNames();
                                handler.startElement(xml.getNamespaceURI(), xml.getLocalName(), attributes);
                            }
                            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                                    handler.characters(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                            case XMLStreamConstants.END_ELEMENT -> handler.endElement(xml.getNamespaceURI(), xml.getLocalName());
                            case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                                if (xml.getPITarget().length() > MAX_NAME) {
                                    giveUp("name too long");
                                }
                            }
                            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                                 XMLStreamConstants.NOTATION_DECLARATION -> giveUp("document type");
                            default -> { }
                        }
                    }
                } finally {
                    xml.close();
                }
            }
        }
    }

    /** What reading a part takes from its elements, as SAX hands them over (the defaults ignore everything). */
    private static class Handler {
        void startElement(String uri, String local, Attributes attributes) {
        }

        void characters(char[] ch, int start, int length) {
        }

        void endElement(String uri, String local) {
        }
    }

    /**
     * The current element's attributes, looked up as SAX's {@code Attributes.getValue} does (Woodstox hashes them); one
     * per part, which also keeps the names the part has used.
     */
    private static final class Attributes {
        private final XMLStreamReader xml;
        /**
         * The names met in the part, by identity: Woodstox hands out one instance per name, so a name met again is
         * found in one or two comparisons. Open addressing in a table more than twice the cap never fills up.
         */
        private final String[] seen = new String[Integer.highestOneBit(MAX_DISTINCT_NAMES) << 2];
        private int distinct;

        Attributes(XMLStreamReader xml) {
            this.xml = xml;
        }

        /** The attribute so called without a prefix (what SAX finds by qualified name), or null. */
        String getValue(String name) {
            return getValue("", name);
        }

        /** The attribute {@code local} in namespace {@code uri} ("" for none, as StAX defines it), or null. */
        String getValue(String uri, String local) {
            return xml.getAttributeValue(uri, local);
        }

        /**
         * Gives up on a name longer than Xerces accepts (the element's, an attribute's, a namespace declaration's), as
         * POI would refuse the part, and on the part's using more than {@link #MAX_DISTINCT_NAMES} names.
         */
        void checkNames() {
            if (length(xml.getPrefix(), xml.getLocalName()) > MAX_NAME) {
                throw new IllegalStateException("name too long");
            }
            note(xml.getLocalName());
            for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                if (length(xml.getAttributePrefix(i), xml.getAttributeLocalName(i)) > MAX_NAME) {
                    throw new IllegalStateException("name too long");
                }
                note(xml.getAttributeLocalName(i));
            }
            for (int i = 0, n = xml.getNamespaceCount(); i < n; i++) {
                if (length("xmlns", xml.getNamespacePrefix(i)) > MAX_NAME) {
                    throw new IllegalStateException("name too long");
                }
            }
        }

        /**
         * Counts {@code name} among the part's distinct names unless it was met before. A same name handed out as two
         * instances would count twice: the count can only be too high, which leaves a file to POI, never reads past.
         */
        private void note(String name) {
            int mask = seen.length - 1;
            for (int slot = System.identityHashCode(name) & mask; ; slot = (slot + 1) & mask) {
                String held = seen[slot];
                if (held == name) {
                    return;
                }
                if (held == null) {
                    seen[slot] = name;
                    if (++distinct > MAX_DISTINCT_NAMES) {
                        throw new IllegalStateException("too many distinct names");
                    }
                    return;
                }
            }
        }

        private static int length(String prefix, String local) {
            return (prefix == null || prefix.isEmpty() ? 0 : prefix.length() + 1) + (local == null ? 0 : local.length());
        }
    }

    private static Map<String, String> contentTypes(Package pkg) throws GiveUp, IOException, XMLStreamException {
        Map<String, String> defaults = new HashMap<>();
        Map<String, String> overrides = new HashMap<>();
        pkg.parse("[Content_Types].xml", new Handler() {
            @Override
            void startElement(String uri, String local, Attributes attributes) {
                if (local.equals("Default")) {
                    defaults.put(attributes.getValue("Extension").toLowerCase(Locale.ROOT), attributes.getValue("ContentType"));
                } else if (local.equals("Override")) {
                    overrides.put(attributes.getValue("PartName").substring(1), attributes.getValue("ContentType"));
                }
            }
        });
        Map<String, String> types = new HashMap<>();
        for (String part : pkg.entries().keySet()) {
            String type = overrides.get(part);
            if (type == null) {
                int dot = part.lastIndexOf('.');
                type = dot < 0 ? null : defaults.get(part.substring(dot + 1).toLowerCase(Locale.ROOT));
            }
            if (type != null) {
                types.put(part, type);
            }
        }
        return types;
    }

    /** Relationship id → {type, target part}; targets resolved against {@code base} (external targets give up). */
    private static Map<String, String[]> relationships(Package pkg, String part, String base)
            throws GiveUp, IOException, XMLStreamException {
        Map<String, String[]> rels = new HashMap<>();
        List<String> odd = new ArrayList<>();
        pkg.parse(part, new Handler() {
            @Override
            void startElement(String uri, String local, Attributes attributes) {
                if (!local.equals("Relationship")) {
                    return;
                }
                String target = attributes.getValue("Target");
                String id = attributes.getValue("Id");
                if (id == null || target == null || attributes.getValue("TargetMode") != null || target.contains("..") || target.contains(":")) {
                    odd.add(part);
                    return;
                }
                String resolved = target.startsWith("/") ? target.substring(1) : base + target;
                if (rels.put(id, new String[] {attributes.getValue("Type"), resolved}) != null) {
                    odd.add(id);
                }
            }
        });
        if (!odd.isEmpty()) {
            giveUp("relationships");
        }
        return rels;
    }

    /** Parses an XML boolean as XMLBeans does, giving up on anything else. */
    private static boolean bool(String value) {
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalStateException("boolean " + value);
        };
    }

    private static final class WorkbookPart extends Handler {
        final List<String[]> sheets = new ArrayList<>();
        final Map<String, String> names = new HashMap<>();
        final Map<String, String> spelling = new HashMap<>();
        final Map<Integer, Map<String, String>> localNames = new HashMap<>();
        final Map<Integer, Map<String, String>> localSpelling = new HashMap<>();
        /** Which sheets a name may point into, worked out once per parsed part (a remembered part is met again). */
        private java.util.function.BiPredicate<String, Integer> pointedAt;
        private StringBuilder name;
        private String nameKey;
        private Integer nameSheet;
        private int nameLists;

        java.util.function.BiPredicate<String, Integer> pointedAt() {
            if (pointedAt == null) {
                pointedAt = StreamedWorkbook.pointedAt(this);
            }
            return pointedAt;
        }

        @Override
        void startElement(String uri, String local, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "workbookPr" -> {
                    String date1904 = attributes.getValue("date1904");
                    if (date1904 != null && bool(date1904)) {
                        throw new IllegalStateException("1904 dates");
                    }
                }
                case "definedNames" -> {
                    if (nameLists++ > 0) {
                        throw new IllegalStateException("two name lists");
                    }
                }
                case "sheet" -> sheets.add(new String[] {attributes.getValue("name"), attributes.getValue(RELATIONSHIPS, "id")});
                case "definedName" -> {
                    String spelled = attributes.getValue("name");
                    String scope = attributes.getValue("localSheetId");
                    nameKey = spelled.toLowerCase(Locale.ENGLISH);
                    nameSheet = scope == null ? null : Integer.valueOf(scope);
                    (nameSheet == null ? spelling : localSpelling.computeIfAbsent(nameSheet, k -> new HashMap<>())).putIfAbsent(nameKey, spelled);
                    name = new StringBuilder();
                }
                default -> { }
            }
        }

        @Override
        void characters(char[] ch, int start, int length) {
            if (name != null) {
                name.append(ch, start, length);
            }
        }

        @Override
        void endElement(String uri, String local) {
            if (local.equals("definedName") && name != null) {
                // The first name so called in its scope: a sheet-scoped name neither shadows nor is shadowed by a
                // workbook-scoped one.
                (nameSheet == null ? names : localNames.computeIfAbsent(nameSheet, k -> new HashMap<>())).putIfAbsent(nameKey, name.toString());
                name = null;
            }
        }
    }

    /**
     * Which sheets a name may point into, by sheet name and index: the meta sheet; a sheet some name's reference names,
     * ignoring case (the part of the formula before its last {@code !}, quoted or not); a sheet with a name of its own
     * whose reference names no sheet. Excel's own names ({@code _xlnm.}: print titles, print areas, filters) are left
     * out. A sheet outside this set — the 工作底稿, a third of a return's XML, to which only print titles point — is
     * still parsed the first time its stored bytes are met, so that a damaged or hostile one sends the file to POI as
     * before, but not again ({@link #CLEAN_PARTS}). A follow that reaches a sheet left unparsed all the same (a
     * formula of several areas, say) gives up, and POI reads the file (see {@link #sheet}).
     */
    private static java.util.function.BiPredicate<String, Integer> pointedAt(WorkbookPart book) {
        Set<String> named = new HashSet<>();
        Set<Integer> ownSheet = new HashSet<>();
        book.names.forEach((key, formula) -> sheetOf(key, formula).ifPresent(named::add));
        book.localNames.forEach((index, local) -> local.forEach((key, formula) -> {
            if (!excelsOwn(key) && !formula.contains("!")) {
                ownSheet.add(index);
            }
            sheetOf(key, formula).ifPresent(named::add);
        }));
        return (name, index) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            return name.equalsIgnoreCase(org.evalbook.signing.IssueIdentity.META_SHEET) || ownSheet.contains(index)
                    || named.contains(lower) || named.contains("'" + lower.replace("'", "''") + "'");
        };
    }

    /** Whether a name (its key, in lower case) is one of Excel's own: print titles, print areas, filters. */
    private static boolean excelsOwn(String key) {
        return key.startsWith("_xlnm.");
    }

    /** The sheet part of the reference of a name that is not one of Excel's own, in lower case. */
    private static Optional<String> sheetOf(String key, String formula) {
        int bang = formula.lastIndexOf('!');
        if (excelsOwn(key) || bang < 0) {
            return Optional.empty();
        }
        return Optional.of(formula.substring(0, bang).toLowerCase(Locale.ROOT));
    }

    private static final class StringsPart extends Handler {
        final List<String> items = new ArrayList<>();
        private StringBuilder plain;
        private StringBuilder runs;
        private boolean hasRuns;
        private boolean inRun;
        private int phonetic;
        private StringBuilder text;

        @Override
        void startElement(String uri, String local, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "si" -> {
                    plain = null;
                    runs = new StringBuilder();
                    hasRuns = false;
                }
                case "r" -> {
                    hasRuns = true;
                    inRun = true;
                }
                case "rPh" -> phonetic++;
                case "t" -> text = phonetic == 0 ? new StringBuilder() : null;
                default -> { }
            }
        }

        @Override
        void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        void endElement(String uri, String local) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "t" -> {
                    if (text != null) {
                        if (inRun) {
                            runs.append(text);
                        } else if (plain == null) {
                            plain = text;
                        } else {
                            throw new IllegalStateException("two texts in one string");
                        }
                        text = null;
                    }
                }
                case "r" -> inRun = false;
                case "rPh" -> phonetic--;
                case "si" -> {
                    if (!hasRuns && plain == null) {
                        throw new IllegalStateException("string without text");
                    }
                    items.add(hasRuns ? runs.toString() : plain.toString());
                }
                default -> { }
            }
        }
    }

    private static final class StylesPart extends Handler {
        final List<Integer> cellFormats = new ArrayList<>();
        final Map<Integer, String> custom = new HashMap<>();
        private boolean inCellXfs;

        @Override
        void startElement(String uri, String local, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                return;
            }
            if (local.equals("numFmt")) {
                int id = Integer.parseInt(attributes.getValue("numFmtId"));
                if (id < 0 || id > Short.MAX_VALUE || custom.put(id, attributes.getValue("formatCode")) != null) {
                    throw new IllegalStateException("number format");
                }
            } else if (local.equals("cellXfs")) {
                inCellXfs = true;
            } else if (local.equals("xf") && inCellXfs) {
                String id = attributes.getValue("numFmtId");
                int format = id == null ? 0 : Integer.parseInt(id);
                if (format < 0 || format > Short.MAX_VALUE) {
                    throw new IllegalStateException("number format id");
                }
                cellFormats.add(format);
            }
        }

        @Override
        void endElement(String uri, String local) {
            if (!MAIN.equals(uri)) {
                return;
            }
            if (local.equals("cellXfs")) {
                inCellXfs = false;
            }
        }
    }

    private static final class SheetPart extends Handler {
        final Map<Integer, Map<Integer, Stored>> rows = new TreeMap<>();
        final Map<Integer, Integer> columnStyles = new HashMap<>();
        private Map<Integer, Stored> row;
        private int rowIndex;
        private String ref;
        private String type;
        private Integer style;
        private StringBuilder value;
        private StringBuilder formula;
        private StringBuilder inline;
        private int inlineTexts;
        private StringBuilder sink;

        @Override
        void startElement(String uri, String local, Attributes attributes) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "col" -> {
                    int min = Integer.parseInt(attributes.getValue("min"));
                    int max = Integer.parseInt(attributes.getValue("max"));
                    String style = attributes.getValue("style");
                    if (min < 1 || max < min || max > 16_384) {
                        throw new IllegalStateException("columns");
                    }
                    for (int c = min - 1; c < max; c++) {
                        if (columnStyles.put(c, style == null ? 0 : Integer.parseInt(style)) != null) {
                            throw new IllegalStateException("overlapping columns");
                        }
                    }
                }
                case "row" -> {
                    rowIndex = Integer.parseInt(attributes.getValue("r")) - 1;
                    if (rowIndex < 0 || rows.containsKey(rowIndex)) {
                        throw new IllegalStateException("row reference");
                    }
                    row = new HashMap<>();
                    rows.put(rowIndex, row);
                }
                case "c" -> {
                    ref = attributes.getValue("r");
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? null : Integer.valueOf(s);
                    value = null;
                    formula = null;
                    inline = null;
                }
                case "v" -> sink = value = new StringBuilder();
                case "f" -> {
                    String kind = attributes.getValue("t");
                    if (kind != null && !kind.equals("normal")) {
                        throw new IllegalStateException("formula kind " + kind);
                    }
                    sink = formula = new StringBuilder();
                }
                case "is" -> {
                    inline = new StringBuilder();
                    inlineTexts = 0;
                }
                case "r", "rPh" -> {
                    if (inline != null) {
                        throw new IllegalStateException("rich inline text");
                    }
                }
                case "t" -> sink = inline == null ? null : new StringBuilder();
                default -> { }
            }
        }

        @Override
        void characters(char[] ch, int start, int length) {
            if (sink != null) {
                sink.append(ch, start, length);
            }
        }

        @Override
        void endElement(String uri, String local) {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "t" -> {
                    if (sink != null) {
                        if (inlineTexts++ > 0) {
                            throw new IllegalStateException("two texts in one inline string");
                        }
                        inline.append(sink);
                    }
                    sink = null;
                }
                case "v", "f" -> sink = null;
                case "c" -> {
                    if (ref == null || row == null) {
                        throw new IllegalStateException("cell without reference");
                    }
                    int column = column(ref, rowIndex);
                    Stored stored = new Stored(type, style, value == null ? null : value.toString(),
                            formula == null ? null : formula.toString(), inline == null ? null : inline.toString());
                    if (row.put(column, stored) != null) {
                        throw new IllegalStateException("cell twice");
                    }
                    ref = null;
                }
                case "row" -> row = null;
                default -> { }
            }
        }

        /** The column of a plain reference such as {@code AB12} in row {@code row}; anything else is not mirrored. */
        private static int column(String ref, int row) {
            int i = 0;
            int column = 0;
            while (i < ref.length() && i < 3 && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
                column = column * 26 + ref.charAt(i) - 'A' + 1;
                i++;
            }
            int digits = ref.length() - i;
            if (i == 0 || digits < 1 || digits > 7 || ref.charAt(i) == '0') {
                throw new IllegalStateException("cell reference " + ref);
            }
            int number = 0;
            for (int j = i; j < ref.length(); j++) {
                char c = ref.charAt(j);
                if (c < '0' || c > '9') {
                    throw new IllegalStateException("cell reference " + ref);
                }
                number = number * 10 + c - '0';
            }
            if (number - 1 != row || column > 16_384) {
                throw new IllegalStateException("cell outside its row");
            }
            return column - 1;
        }
    }
}
