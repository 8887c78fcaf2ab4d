package org.evalbook.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Decimals;
import org.evalbook.framework.FieldValues;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;
import org.evalbook.framework.TableRow;
import org.evalbook.signing.IssueIdentity;
import org.evalbook.signing.IssueSignature;
import org.evalbook.signing.SigningKey;
import org.evalbook.template.TemplateWriter;
import org.evalbook.template.UnitIssue;

/**
 * One profile's issued workbook, written once by {@link TemplateWriter} for a placeholder unit, from which returns are
 * stamped at the zip/XML level: the unit's identity replaces the placeholder in the shared strings, the meta is signed
 * again for the unit, and each filled value goes into the empty input cell its defined name points to. Issuing through
 * the full writer costs about half a second a workbook; stamping costs a few milliseconds.
 *
 * <p>Formula cells carry no cached result (the template's were computed for blank inputs), as a program that fills a
 * workbook without recalculating leaves them; the workbook asks Excel to recalculate on opening. The sheet-protection
 * hashes are the placeholder's (evalbook does not read them).
 */
final class StampedTemplate {
    static final String CODE_MARK = "UNITCODEMARK";
    static final String NAME_MARK = "UNITNAMEMARK";
    static final String DEPT_MARK = "PARENTDEPTMARK";
    static final String MAIL_MARK = "unitmailmark@bench.invalid";
    private static final Pattern CELL = Pattern.compile("<c r=\"([A-Z]+[0-9]+)\"([^>]*?)(/>|>(.*?)</c>)", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("s=\"([0-9]+)\"");
    private static final String SST = "xl/sharedStrings.xml";

    /** A cell to write: text, a number, or (with neither) left as it is. */
    record Value(Optional<String> text, Optional<BigDecimal> number) {
        static Value text(String text) {
            return new Value(Optional.of(text), Optional.empty());
        }

        static Value number(BigDecimal number) {
            return new Value(Optional.empty(), Optional.of(number));
        }
    }

    private record Slot(String part, String ref) {
    }

    /** A cell element's place in its part and its style attribute. */
    private record Span(int start, int end, String style) {
    }

    private final FixedSalt protection = new FixedSalt("sheet-protection:" + CODE_MARK);
    private final Map<String, byte[]> parts = new LinkedHashMap<>();
    private final Map<String, String> sheetXml = new HashMap<>();
    private final Map<String, Map<String, Span>> spans = new HashMap<>();
    private final Map<String, Slot> names = new HashMap<>();
    private final Map<String, String> meta;
    private final long entryTime;

    StampedTemplate(Framework framework, Profile profile, int year, LocalDate deadline, Instant issuedAt) {
        this.entryTime = issuedAt.toEpochMilli();
        UnitIssue placeholder = new UnitIssue(CODE_MARK, NAME_MARK, year, profile.id(), Optional.of(MAIL_MARK), Optional.of(deadline),
                issuedAt, FieldValues.builder().text("unit_code", CODE_MARK).text("unit_name", NAME_MARK)
                .number("fiscal_year", String.valueOf(year)).text("parent_dept", DEPT_MARK).build());
        byte[] issued;
        try (XSSFWorkbook workbook = TemplateWriter.workbook(framework, profile, Optional.of(placeholder), SigningKey.PUBLIC_DEMO);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // The same seed gives the same bytes: no clock in the document properties or the zip entries.
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(java.util.Date.from(issuedAt)));
            workbook.write(out);
            issued = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(issued))) {
            meta = IssueIdentity.meta(workbook);
            Map<String, String> partOfSheet = new HashMap<>();
            workbook.forEach(sheet -> partOfSheet.put(sheet.getSheetName(),
                    ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getPackagePart().getPartName().getName().substring(1)));
            for (Name name : workbook.getAllNames()) {
                CellReference first = new AreaReference(name.getRefersToFormula(), workbook.getSpreadsheetVersion()).getFirstCell();
                names.put(name.getNameName(), new Slot(partOfSheet.get(first.getSheetName()), first.getSheetName() + "!"
                        + new CellReference(first.getRow(), first.getCol()).formatAsString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readParts(issued);
    }

    private void readParts(byte[] issued) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(issued))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                if (entry.getName().equals("xl/workbook.xml")) {
                    bytes = protection.fix(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                if (entry.getName().startsWith("xl/worksheets/sheet")) {
                    String xml = withoutCachedResults(protection.fix(new String(bytes, StandardCharsets.UTF_8)));
                    sheetXml.put(entry.getName(), xml);
                    spans.put(entry.getName(), spans(xml));
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                parts.put(entry.getName(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formula cells keep their formula and style, not the result computed for the blank template. */
    private static String withoutCachedResults(String xml) {
        Matcher m = CELL.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String body = m.group(4);
            if (body != null && body.startsWith("<f>")) {
                String formula = body.substring(0, body.indexOf("</f>") + 4);
                m.appendReplacement(out, Matcher.quoteReplacement("<c r=\"" + m.group(1) + "\"" + style(m.group(2)) + ">" + formula + "</c>"));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String style(String attributes) {
        Matcher s = STYLE.matcher(attributes);
        return s.find() ? " s=\"" + s.group(1) + "\"" : "";
    }

    private static Map<String, Span> spans(String xml) {
        Map<String, Span> found = new HashMap<>();
        Matcher m = CELL.matcher(xml);
        while (m.find()) {
            found.put(m.group(1), new Span(m.start(), m.end(), style(m.group(2))));
        }
        return found;
    }

    /** The unit's identity as the roster gives it. */
    record Unit(String code, String name, String parentDept) {
    }

    /**
     * The return's bytes: issued to {@code unit}, every value of {@code values} in its cell, and {@code overrides}
     * (a defined name, for a scalar, and its value) written over whatever the cell held, formulas included.
     */
    byte[] stamp(Unit unit, FieldValues values, Map<String, Value> overrides) {
        Map<Slot, Value> cells = new LinkedHashMap<>();
        values.numbers().forEach((id, number) -> cells.put(slot(id, 0), Value.number(number)));
        values.texts().forEach((id, text) -> cells.put(slot(id, 0), Value.text(text)));
        values.tables().forEach((table, rows) -> {
            for (TableRow row : rows) {
                row.numbers().forEach((column, number) -> cells.put(slot(column, row.index() - 1), Value.number(number)));
                row.texts().forEach((column, text) -> cells.put(slot(column, row.index() - 1), Value.text(text)));
            }
        });
        overrides.forEach((id, value) -> cells.put(slot(id, 0), value));
        List<String> strings = new ArrayList<>();
        int firstIndex = sharedStringCount();
        Map<String, TreeMap<Integer, String>> edits = new HashMap<>();
        cells.forEach((slot, value) -> {
            Span span = spans.get(slot.part()).get(slot.ref().substring(slot.ref().indexOf('!') + 1));
            if (span == null) {
                throw new IllegalStateException("the template has no cell " + slot.ref());
            }
            String ref = slot.ref().substring(slot.ref().indexOf('!') + 1);
            String element;
            if (value.text().isPresent()) {
                element = "<c r=\"" + ref + "\"" + span.style() + " t=\"s\"><v>" + (firstIndex + strings.size()) + "</v></c>";
                strings.add(value.text().get());
            } else if (value.number().isPresent()) {
                element = "<c r=\"" + ref + "\"" + span.style() + "><v>" + Decimals.plain(value.number().get()) + "</v></c>";
            } else {
                element = "<c r=\"" + ref + "\"" + span.style() + "/>";
            }
            edits.computeIfAbsent(slot.part(), p -> new TreeMap<>()).put(span.start(), element);
        });
        return zip(unit, edits, strings);
    }

    private Slot slot(String name, int index) {
        Slot slot = names.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("no defined name " + name);
        }
        if (index == 0) {
            return slot;
        }
        CellReference first = new CellReference(slot.ref());
        return new Slot(slot.part(), first.getSheetName() + "!" + new CellReference(first.getRow() + index, first.getCol()).formatAsString());
    }

    private byte[] zip(Unit unit, Map<String, TreeMap<Integer, String>> edits, List<String> strings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setTime(entryTime);
                zip.putNextEntry(entry);
                if (part.getKey().equals(SST)) {
                    zip.write(sharedStrings(unit, strings).getBytes(StandardCharsets.UTF_8));
                } else if (edits.containsKey(part.getKey())) {
                    zip.write(edited(part.getKey(), edits.get(part.getKey())).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(part.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String edited(String part, TreeMap<Integer, String> byStart) {
        String xml = sheetXml.get(part);
        Map<Integer, Span> byPosition = new HashMap<>();
        spans.get(part).values().forEach(s -> byPosition.put(s.start(), s));
        StringBuilder out = new StringBuilder(xml.length() + byStart.size() * 40);
        int at = 0;
        for (Map.Entry<Integer, String> edit : byStart.entrySet()) {
            out.append(xml, at, edit.getKey()).append(edit.getValue());
            at = byPosition.get(edit.getKey()).end();
        }
        return out.append(xml, at, xml.length()).toString();
    }

    private int sharedStringCount() {
        Matcher m = Pattern.compile("uniqueCount=\"([0-9]+)\"").matcher(new String(parts.get(SST), 0, 300, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("shared strings without a uniqueCount");
        }
        return Integer.parseInt(m.group(1));
    }

    /** The template's strings with the unit's identity and signature in place of the placeholder's, then the unit's. */
    private String sharedStrings(Unit unit, List<String> added) {
        String xml = new String(parts.get(SST), StandardCharsets.UTF_8)
                .replace(meta.get("signature"), signature(unit))
                .replace(CODE_MARK, xml(unit.code())).replace(NAME_MARK, xml(unit.name())).replace(DEPT_MARK, xml(unit.parentDept()))
                .replace(MAIL_MARK, xml(mail(unit)));
        Matcher counts = Pattern.compile("count=\"([0-9]+)\" uniqueCount=\"([0-9]+)\"").matcher(xml);
        if (!counts.find()) {
            throw new IllegalStateException("shared strings without counts");
        }
        StringBuilder out = new StringBuilder(xml.length() + added.size() * 60);
        out.append(xml, 0, counts.start()).append("count=\"").append(Integer.parseInt(counts.group(1)) + added.size())
                .append("\" uniqueCount=\"").append(Integer.parseInt(counts.group(2)) + added.size()).append('"');
        int end = xml.lastIndexOf("</sst>");
        out.append(xml, counts.end(), end);
        for (String text : added) {
            out.append("<si><t xml:space=\"preserve\">").append(xml(text)).append("</t></si>");
        }
        return out.append("</sst>").toString();
    }

    private String signature(Unit unit) {
        Map<String, String> signed = new LinkedHashMap<>(meta);
        signed.put("unit_code", unit.code());
        signed.put("unit_name", unit.name());
        signed.put("prefilled", meta.get("prefilled").replace(DEPT_MARK, unit.parentDept()));
        return IssueSignature.sign(signed, SigningKey.PUBLIC_DEMO);
    }

    static String mail(Unit unit) {
        return "u" + unit.code() + "@bench.invalid";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
