package org.evalbook.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.signing.SigningKey;

/**
 * The issued workbook of one {@link IssueShape}, written once by {@link TemplateWriter} for a placeholder unit and
 * stamped for each unit at the zip/XML level with what the full writer would have written for it: its texts in place
 * of the placeholder's marks, its figures, its formulas' cached results, the heights of the rows its texts wrap in,
 * its meta and signature, and its own sheet-protection hash. Every other byte of every part is the placeholder's.
 *
 * <p>The protection hash is SHA-512 with a fresh 16-byte salt and 100,000 spins, as POI writes it ({@link ProtectionHash}),
 * but one hash per workbook rather than one per sheet: every sheet has the same password, so ten salts protect nothing
 * more than one (whoever finds the password from one sheet's hash has it for all), and the spins were where issuing
 * spent most of its time.
 */
final class StampedIssue {
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String CORE = "docProps/core.xml";
    private static final Pattern SHEET_PROTECTION = Pattern.compile("<sheetProtection [^>]*?hashValue=\"([^\"]*)\" saltValue=\"([^\"]*)\"");
    private static final Pattern BOOK_PROTECTION = Pattern.compile("workbookHashValue=\"([^\"]*)\" workbookSaltValue=\"([^\"]*)\"");
    private static final Pattern CREATED = Pattern.compile("<dcterms:created[^>]*>([^<]*)</dcterms:created>");
    private static final Pattern FORMULA_CELL = Pattern.compile("<c r=\"([A-Z]+[0-9]+)\"[^>]*><f>[^<]*</f>(?:<v/>|<v>[^<]*</v>)?</c>");
    private static final Pattern SHARED_STRING = Pattern.compile("<si><t[^>]*>([^<]*)</t></si>|<si><t/></si>");
    private static final Pattern MARK = Pattern.compile("EVBKMARK[A-Z_]+?MARK");

    private final Framework framework;
    private final Profile profile;
    private final IssueShape shape;
    private final SigningKey key;
    private final Map<String, String> placeholderMeta;
    /** Every part in the written order; a part without holes is written as it is. */
    private final Map<String, byte[]> constant = new LinkedHashMap<>();
    private final Map<String, Stencil> stencils = new HashMap<>();
    /** Shared-string index → the placeholder's text, for the entries that hold a mark or a per-unit meta value. */
    private final Map<Integer, String> variableStrings = new HashMap<>();
    private final Map<String, WrappedRow> rows = new HashMap<>();
    private final List<String> formulaCells = new ArrayList<>();
    /** Optional text id → its cell's element with the text, and without it (the empty styled cell). */
    private final Map<String, OptionalCell> optionalCells = new HashMap<>();
    private int sharedStringRefs;
    /** sheet!cell → the formula cell's element as the placeholder's workbook holds it. */
    private final Map<String, String> writtenFormulas = new LinkedHashMap<>();
    private final ThreadLocal<Recalculation> recalculation;

    /** A row whose height the full writer fits to texts that include the unit's. */
    private record WrappedRow(float fixedHeight, List<WrappedCell> cells, float written) {
    }

    private record WrappedCell(String text, int width) {
    }

    private record OptionalCell(String given, String left) {
    }

    StampedIssue(Framework framework, Profile profile, IssueShape shape, SigningKey key) {
        this.framework = framework;
        this.profile = profile;
        this.shape = shape;
        this.key = key;
        UnitIssue placeholder = shape.placeholder();
        this.placeholderMeta = MetaSheet.values(framework, profile, Optional.of(placeholder), key);
        byte[] written;
        Map<String, List<Stencil.Hole>> holes = new HashMap<>();
        Map<String, String> partOfSheet = new HashMap<>();
        try (XSSFWorkbook workbook = TemplateWriter.workbook(framework, profile, Optional.of(placeholder), key);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.forEach(sheet -> partOfSheet.put(sheet.getSheetName(),
                    ((XSSFSheet) sheet).getPackagePart().getPartName().getName().substring(1)));
            findWrappedRows(workbook);
            workbook.write(out);
            written = out.toByteArray();
            for (String id : IssueShape.OPTIONAL_TEXTS) {
                CellReference at = new AreaReference(workbook.getName(id).getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
                String ref = new CellReference(at.getRow(), at.getCol()).formatAsString();
                Matcher cell = Pattern.compile("<c r=\"" + ref + "\"( s=\"[0-9]+\")? t=\"s\"( s=\"[0-9]+\")?><v>[0-9]+</v></c>")
                        .matcher(readPart(written, partOfSheet.get(at.getSheetName())));
                if (!cell.find()) {
                    throw new IllegalStateException("no placeholder text in " + ref + " for " + id);
                }
                optionalCells.put(id, new OptionalCell(cell.group(), "<c r=\"" + ref + "\"" + (cell.group(1) != null ? cell.group(1) : cell.group(2)) + "/>"));
                holes.computeIfAbsent(partOfSheet.get(at.getSheetName()), p -> new ArrayList<>())
                        .add(new Stencil.Hole(cell.start(), cell.end(), "optional:" + id));
            }
            for (String id : shape.numbers()) {
                CellReference at = new AreaReference(workbook.getName(id).getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
                holes.computeIfAbsent(partOfSheet.get(at.getSheetName()), p -> new ArrayList<>())
                        .add(valueHole(readPart(written, partOfSheet.get(at.getSheetName())), new CellReference(at.getRow(), at.getCol()).formatAsString(), id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sheetOfPart = new HashMap<>();
        partOfSheet.forEach((sheet, part) -> sheetOfPart.put(part, sheet));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(written))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String part = entry.getName();
                byte[] bytes = zip.readAllBytes();
                constant.put(part, bytes);
                String xml = new String(bytes, StandardCharsets.UTF_8);
                List<Stencil.Hole> found = holes.computeIfAbsent(part, p -> new ArrayList<>());
                if (sheetOfPart.containsKey(part)) {
                    sheetHoles(xml, sheetOfPart.get(part), found);
                } else if (part.equals(WORKBOOK)) {
                    pairHoles(BOOK_PROTECTION, xml, found);
                } else if (part.equals(CORE)) {
                    Matcher created = CREATED.matcher(xml);
                    if (created.find()) {
                        found.add(new Stencil.Hole(created.start(1), created.end(1), "created"));
                    }
                } else if (part.equals(SHARED_STRINGS)) {
                    stringHoles(xml, found);
                }
                if (!found.isEmpty()) {
                    stencils.put(part, new Stencil(xml, found));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.recalculation = ThreadLocal.withInitial(() -> new Recalculation(written, shape.numbers(), formulaCells));
        if (!shape.numbers().isEmpty() && !recalculation.get().asWritten().equals(writtenFormulas)) {
            throw new IllegalStateException("the formula cells are not written as POI writes them");
        }
    }

    private static String readPart(byte[] written, String part) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(written))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(part)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("no part " + part);
    }

    private static Stencil.Hole valueHole(String xml, String ref, String id) {
        Matcher cell = Pattern.compile("<c r=\"" + ref + "\"[^>]*><v>([^<]*)</v></c>").matcher(xml);
        if (!cell.find() || !cell.group(1).equals(String.valueOf(1.0))) {
            throw new IllegalStateException("no placeholder figure in " + ref + " for " + id);
        }
        return new Stencil.Hole(cell.start(1), cell.end(1), "figure:" + id);
    }

    private void sheetHoles(String xml, String sheet, List<Stencil.Hole> found) {
        pairHoles(SHEET_PROTECTION, xml, found);
        if (!shape.numbers().isEmpty()) {
            Matcher cell = FORMULA_CELL.matcher(xml);
            while (cell.find()) {
                String ref = sheet + "!" + cell.group(1);
                formulaCells.add(ref);
                writtenFormulas.put(ref, cell.group());
                found.add(new Stencil.Hole(cell.start(), cell.end(), "formula:" + ref));
            }
        }
        rows.forEach((ref, row) -> {
            if (ref.startsWith(sheet + "!")) {
                Matcher height = Pattern.compile("<row r=\"" + ref.substring(sheet.length() + 1) + "\"[^>]*? ht=\"([^\"]*)\"").matcher(xml);
                if (!height.find() || !height.group(1).equals(height(row.written()))) {
                    throw new IllegalStateException("row " + ref + " is not written as POI writes it");
                }
                found.add(new Stencil.Hole(height.start(1), height.end(1), "height:" + ref));
            }
        });
    }

    private static void pairHoles(Pattern pattern, String xml, List<Stencil.Hole> found) {
        Matcher protection = pattern.matcher(xml);
        if (!protection.find()) {
            throw new IllegalStateException("no protection hash");
        }
        found.add(new Stencil.Hole(protection.start(1), protection.end(1), "hash"));
        found.add(new Stencil.Hole(protection.start(2), protection.end(2), "salt"));
    }

    private void stringHoles(String xml, List<Stencil.Hole> found) {
        List<String> exact = new ArrayList<>();
        for (String metaKey : List.of("issued_at", "prefilled", "signature")) {
            if (!placeholderMeta.get(metaKey).isEmpty()) {
                exact.add(placeholderMeta.get(metaKey));
            }
        }
        exact.add(InstructionsSheet.issuedAtShown(IssueShape.PLACEHOLDER_TIME));
        Matcher count = Pattern.compile("<sst count=\"([0-9]+)\"").matcher(xml);
        if (!count.find()) {
            throw new IllegalStateException("shared strings without a count");
        }
        sharedStringRefs = Integer.parseInt(count.group(1));
        found.add(new Stencil.Hole(count.start(1), count.end(1), "count"));
        Matcher entry = SHARED_STRING.matcher(xml);
        int index = 0;
        int at = xml.indexOf("<si>");
        while (at >= 0) {
            if (!entry.find(at) || entry.start() != at) {
                if (xml.substring(at, xml.indexOf("</si>", at)).contains("EVBKMARK")) {
                    throw new IllegalStateException("a marked shared string that is not plain text");
                }
            } else if (entry.group(1) != null) {
                String text = Stencil.unescape(entry.group(1));
                if (exact.contains(text) || MARK.matcher(text).find()) {
                    variableStrings.put(index, text);
                    found.add(new Stencil.Hole(entry.start(1), entry.end(1), "string:" + index));
                }
            }
            index++;
            at = xml.indexOf("<si>", at + 4);
        }
    }

    /** The rows of the sheets {@link TemplateWriter} fits whose wrapped text holds a mark. */
    private void findWrappedRows(XSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().equals(ReportSheet.NAME) || sheet.getSheetName().equals(MetaSheet.NAME)) {
                continue;
            }
            Grid grid = new Grid((XSSFSheet) sheet, null);
            for (Row row : sheet) {
                if (row.getRowNum() < 1) {
                    continue;
                }
                float fixed = Math.max(sheet.getDefaultRowHeightInPoints(), Grid.heightFor("", 1));
                List<WrappedCell> marked = new ArrayList<>();
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.STRING || !cell.getCellStyle().getWrapText()) {
                        continue;
                    }
                    int width = grid.columnsWidth(row.getRowNum(), cell.getColumnIndex());
                    String text = cell.getStringCellValue();
                    if (MARK.matcher(text).find()) {
                        marked.add(new WrappedCell(text, width));
                    } else {
                        fixed = Math.max(fixed, Grid.heightFor(text, width));
                    }
                }
                if (!marked.isEmpty()) {
                    rows.put(sheet.getSheetName() + "!" + (row.getRowNum() + 1), new WrappedRow(fixed, marked, row.getHeightInPoints()));
                }
            }
        }
    }

    private static String height(float points) {
        return String.valueOf((double) points);
    }

    /** Writes the unit's workbook; {@code issue} must be of this shape. */
    void write(UnitIssue issue, OutputStream out) throws IOException {
        if (!IssueShape.of(issue).equals(Optional.of(shape))) {
            throw new IllegalArgumentException("unit " + issue.unitCode() + " is not of this shape");
        }
        Map<String, String> marks = IssueShape.marks(issue);
        Map<String, String> meta = MetaSheet.values(framework, profile, placeholderMeta.get("rules"), Optional.of(issue), key);
        Map<String, String> exact = new HashMap<>();
        for (String metaKey : List.of("issued_at", "prefilled", "signature")) {
            exact.put(placeholderMeta.get(metaKey), meta.get(metaKey));
        }
        exact.put(InstructionsSheet.issuedAtShown(IssueShape.PLACEHOLDER_TIME), InstructionsSheet.issuedAtShown(issue.issuedAt()));
        ProtectionHash protection = ProtectionHash.of(TemplateWriter.protectionPassword(Optional.of(issue), key));
        Map<String, String> formulas = shape.numbers().isEmpty() ? Map.of() : recalculation.get().cells(issue.prefill().numbers());
        String created = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        java.util.function.Function<String, String> values = hole -> {
            int colon = hole.indexOf(':');
            String kind = colon < 0 ? hole : hole.substring(0, colon);
            String what = colon < 0 ? "" : hole.substring(colon + 1);
            return switch (kind) {
                case "hash" -> protection.hash();
                case "salt" -> protection.salt();
                case "created" -> created;
                case "figure" -> String.valueOf(issue.prefill().number(what).orElseThrow().doubleValue());
                case "formula" -> formulas.get(what);
                case "height" -> height(rowHeight(rows.get(what), marks));
                case "optional" -> issue.prefill().text(what).isPresent() ? optionalCells.get(what).given() : optionalCells.get(what).left();
                case "count" -> String.valueOf(sharedStringRefs - IssueShape.OPTIONAL_TEXTS.stream().filter(id -> issue.prefill().text(id).isEmpty()).count());
                case "string" -> Stencil.escape(unitText(variableStrings.get(Integer.parseInt(what)), exact, marks));
                default -> throw new IllegalStateException("unknown hole " + hole);
            };
        };
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> part : constant.entrySet()) {
            zip.putNextEntry(new ZipEntry(part.getKey()));
            Stencil stencil = stencils.get(part.getKey());
            zip.write(stencil == null ? part.getValue() : stencil.fill(values).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
    }

    private static String unitText(String placeholder, Map<String, String> exact, Map<String, String> marks) {
        String whole = exact.get(placeholder);
        if (whole != null) {
            return whole;
        }
        return MARK.matcher(placeholder).replaceAll(m -> Matcher.quoteReplacement(marks.get(m.group())));
    }

    private static float rowHeight(WrappedRow row, Map<String, String> marks) {
        float height = row.fixedHeight();
        for (WrappedCell cell : row.cells()) {
            height = Math.max(height, Grid.heightFor(unitText(cell.text(), Map.of(), marks), cell.width()));
        }
        return height;
    }
}
