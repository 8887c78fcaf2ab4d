package org.evalbook.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.check.Identity;
import org.evalbook.check.ReturnChecker;
import org.evalbook.finding.Finding;
import org.evalbook.framework.Framework;
import org.evalbook.template.ConsistentReturn;
import org.evalbook.template.WorkbookFiller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming reader gives exactly what POI's usermodel gives: for every committed workbook, the consistent return
 * edited in the ways returns come back (rows typed below a table, numbers typed as text, formulas overwritten or saved
 * without results, dates, booleans, errors, names lost or broken, macros) and, when the benchmark folder has been
 * generated, a slice of its stamped returns — field by field on what is read, and finding by finding once checked.
 * Files the streaming reader must leave to POI (escaped text, shared formulas, names gone) are read by POI, unchanged.
 */
class FastPathEquivalenceTest {
    private static final Framework FRAMEWORK = ConsistentReturn.FRAMEWORK;
    @TempDir
    static Path dir;
    /** Files the streaming reader must read itself (so that the comparison is not POI against POI). */
    private static final List<Path> STREAMED = new ArrayList<>();
    /** Files it must leave to POI. */
    private static final List<Path> LEFT_TO_POI = new ArrayList<>();

    @BeforeAll
    static void fixtures() throws Exception {
        try (Stream<Path> committed = Files.walk(Path.of("test-workbooks"))) {
            committed.filter(p -> p.toString().endsWith(".xlsx") && !p.getFileName().toString().equals("roster.xlsx")).sorted().forEach(STREAMED::add);
        }
        LEFT_TO_POI.add(Path.of("test-workbooks", "roster.xlsx"));
        STREAMED.add(edited("consistent.xlsx", w -> { }));
        STREAMED.add(edited("typed-below.xlsx", w -> {
            WorkbookFiller filler = new WorkbookFiller(w);
            Cell last = lastOfColumn(w, "proj_name");
            XSSFSheet sheet = (XSSFSheet) last.getSheet();
            for (int r = 1; r <= 2; r++) {
                var row = sheet.getRow(last.getRowIndex() + r) == null ? sheet.createRow(last.getRowIndex() + r) : sheet.getRow(last.getRowIndex() + r);
                row.createCell(last.getColumnIndex()).setCellValue("补录项目" + r);
            }
            filler.cell("staff_actual", 0).setCellValue("１５．４");
        }));
        STREAMED.add(edited("typed-as-text.xlsx", w -> {
            WorkbookFiller filler = new WorkbookFiller(w);
            filler.cell("inc_fiscal", 0).setCellValue("399.68万元");
            filler.cell("inc_other", 0).setCellValue(" 1,234.50 ");
            filler.cell("staff_authorized", 0).setCellValue(true);
            filler.cell("carry_begin", 0).setCellErrorValue(FormulaError.DIV0.getCode());
            filler.cell("contact_name", 0).setBlank();
        }));
        STREAMED.add(edited("dates-and-formats.xlsx", w -> {
            WorkbookFiller filler = new WorkbookFiller(w);
            var date = w.createCellStyle();
            date.setDataFormat(w.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            filler.cell("fill_date", 0).setCellValue(46000);
            filler.cell("fill_date", 0).setCellStyle(date);
            var percent = w.createCellStyle();
            percent.setDataFormat((short) 10);
            filler.cell("inc_other", 0).setCellStyle(percent);
            var builtinDate = w.createCellStyle();
            builtinDate.setDataFormat((short) 14);
            filler.cell("carry_end", 0).setCellStyle(builtinDate);
            var thousands = w.createCellStyle();
            thousands.setDataFormat(w.createDataFormat().getFormat("#,##0.00_);[Red](#,##0.00)"));
            filler.cell("inc_total", 0).setCellStyle(thousands);
        }));
        STREAMED.add(edited("formula-overwritten.xlsx", w -> overwriteFirstFormula(w, 12.5)));
        STREAMED.add(written("broken-names.xlsx", w -> {
            w.getName("inc_other").setRefersToFormula("#REF!");
            w.getName("carry_begin").setRefersToFormula("不存在的表!$B$3");
            w.getName("contact_phone").setRefersToFormula("1+1");
            w.getName("unit_name").setNameName("Unit_Name");
        }));
        STREAMED.add(uncached(edited("uncached-source.xlsx", w -> { })));
        STREAMED.add(withEntry(edited("macros-source.xlsx", w -> { }), "macros.xlsm", "xl/vbaProject.bin"));
        LEFT_TO_POI.add(edited("escaped-text.xlsx", w -> new WorkbookFiller(w).cell("report_problems", 0).setCellValue("第一行_x000D_第二行")));
        LEFT_TO_POI.add(written("names-gone.xlsx", w -> {
            for (String name : List.of("unit_code", "unit_name", "inc_total")) {
                w.getName(name).setRefersToFormula("#REF!");
            }
            while (w.getAllNames().size() > 3) {
                w.removeName(w.getAllNames().stream().filter(n -> !n.getRefersToFormula().equals("#REF!")).findFirst().orElseThrow());
            }
        }));
        LEFT_TO_POI.add(replaced(edited("shared-source.xlsx", w -> { }), "shared-formula.xlsx", "xl/worksheets/sheet2.xml",
                "<f>", "<f t=\"shared\" si=\"0\" ref=\"A1:A1\">", 1));
        LEFT_TO_POI.add(replaced(edited("doctype-source.xlsx", w -> { }), "doctype.xlsx", "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE workbook>", 1));
        ProjectReturns.Project typed = ProjectReturns.consistent("项目2", "乡村道路养护");
        typed.funds[1][1] = "80万元";
        typed.rows.set(0, typed.rows.get(0).withActual("520人次"));
        STREAMED.add(ProjectReturns.write(dir.resolve("project.xlsx"), List.of(ProjectReturns.consistent("项目1", "农民技能培训"), typed)));
        Path bench = Path.of("target", "bench");
        if (Files.isDirectory(bench)) {
            try (Stream<Path> generated = Files.walk(bench)) {
                generated.filter(p -> p.toString().contains("/readable/") && p.toString().endsWith(".xlsx")).sorted().limit(30).forEach(STREAMED::add);
            }
        }
    }

    @Test
    void theStreamingReaderReadsWhatPoiReadsAndTheChecksFindTheSame() throws Exception {
        WorkbookReader poi = new WorkbookReader(FRAMEWORK, false);
        WorkbookReader streaming = new WorkbookReader(FRAMEWORK);
        ReturnChecker checker = new ReturnChecker(FRAMEWORK);
        int fields = 0;
        int findings = 0;
        List<String> differences = new ArrayList<>();
        for (Path file : STREAMED) {
            String name = file.getFileName().toString();
            RawReturn full = poi.read(file, name);
            Optional<RawReturn> fast = streaming.readStreamedOnly(file, name);
            assertThat(fast).as("the streaming reader reads " + file).isPresent();
            fields += compare(name, full, fast.get(), differences);
            List<Finding> expected = checker.check(full, Identity.DEMO).findings();
            List<Finding> actual = checker.check(fast.get(), Identity.DEMO).findings();
            findings += expected.size();
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                Finding e = i < expected.size() ? expected.get(i) : null;
                Finding a = i < actual.size() ? actual.get(i) : null;
                if (e == null || !e.equals(a)) {
                    differences.add(name + " finding " + i + ": POI " + e + " / streamed " + a);
                }
            }
            assertThat(streaming.read(file, name)).as(name).isEqualTo(fast.get());
        }
        System.out.println("fast path equivalence: " + STREAMED.size() + " files streamed, " + fields + " fields and " + findings
                + " findings compared with POI's reading; " + LEFT_TO_POI.size() + " files left to POI");
        assertThat(differences).isEmpty();
        assertThat(fields).isGreaterThan(STREAMED.size() * 500);
    }

    @Test
    void whatTheStreamingReaderDoesNotMirrorIsLeftToPoiUnchanged() throws Exception {
        WorkbookReader poi = new WorkbookReader(FRAMEWORK, false);
        WorkbookReader streaming = new WorkbookReader(FRAMEWORK);
        for (Path file : LEFT_TO_POI) {
            String name = file.getFileName().toString();
            assertThat(streaming.readStreamedOnly(file, name)).as(name).isEmpty();
            assertThat(streaming.read(file, name)).as(name).isEqualTo(poi.read(file, name));
        }
    }

    /** Every field of the two readings, compared one by one; returns how many were compared. */
    private static int compare(String file, RawReturn full, RawReturn fast, List<String> differences) {
        int fields = 0;
        Map<String, Object> expected = flatten(full);
        Map<String, Object> actual = flatten(fast);
        for (String key : expected.keySet()) {
            fields++;
            if (!expected.get(key).equals(actual.get(key))) {
                differences.add(file + " " + key + ": POI «" + expected.get(key) + "» / streamed «" + actual.get(key) + "»");
            }
        }
        for (String key : actual.keySet()) {
            if (!expected.containsKey(key)) {
                differences.add(file + " " + key + ": only streamed «" + actual.get(key) + "»");
            }
        }
        return fields;
    }

    private static Map<String, Object> flatten(RawReturn raw) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("format", raw.format());
        fields.put("byLabels", raw.byLabels());
        fields.put("findings", raw.findings());
        fields.put("meta keys", List.copyOf(raw.meta().keySet()));
        raw.meta().forEach((k, v) -> fields.put("meta " + k, v));
        fields.put("name ids", List.copyOf(raw.names().keySet()));
        fields.put("project sheets", List.copyOf(raw.sheets().keySet()));
        raw.names().forEach((id, name) -> {
            fields.put(id + " name", name.name());
            fields.put(id + " problem", name.problem());
            fields.put(id + " cells", name.cells().size());
            fields.put(id + " below", name.below().size());
            for (int i = 0; i < name.cells().size(); i++) {
                cell(fields, id + "[" + i + "]", name.cells().get(i));
            }
            for (int i = 0; i < name.below().size(); i++) {
                cell(fields, id + " below[" + i + "]", name.below().get(i));
            }
        });
        raw.sheets().forEach((sheet, names) -> names.forEach((id, name) -> {
            String key = sheet + "!" + id;
            fields.put(key + " name", name.name());
            fields.put(key + " problem", name.problem());
            fields.put(key + " cells", name.cells().size());
            fields.put(key + " below", name.below().size());
            for (int i = 0; i < name.cells().size(); i++) {
                cell(fields, key + "[" + i + "]", name.cells().get(i));
            }
        }));
        return fields;
    }

    private static void cell(Map<String, Object> fields, String key, RawCell cell) {
        fields.put(key + ".ref", cell.ref());
        fields.put(key + ".type", cell.type());
        fields.put(key + ".text", cell.text());
        fields.put(key + ".number", cell.number());
        fields.put(key + ".formula", cell.formula());
        fields.put(key + ".dateFormat", cell.dateFormat());
    }

    private static Path edited(String name, Consumer<XSSFWorkbook> edit) throws Exception {
        try (XSSFWorkbook workbook = ConsistentReturn.workbook()) {
            edit.accept(workbook);
            return ConsistentReturn.save(workbook, dir.resolve(name));
        }
    }

    /** Edited and written without recalculating (a name pointing nowhere stops POI's evaluator). */
    private static Path written(String name, Consumer<XSSFWorkbook> edit) throws Exception {
        try (XSSFWorkbook workbook = ConsistentReturn.workbook()) {
            edit.accept(workbook);
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                workbook.write(out);
            }
            return dir.resolve(name);
        }
    }

    private static Cell lastOfColumn(XSSFWorkbook workbook, String name) {
        var area = new org.apache.poi.ss.util.AreaReference(workbook.getName(name).getRefersToFormula(), workbook.getSpreadsheetVersion());
        var last = area.getLastCell();
        var sheet = workbook.getSheet(last.getSheetName());
        var row = sheet.getRow(last.getRow()) == null ? sheet.createRow(last.getRow()) : sheet.getRow(last.getRow());
        return row.getCell(last.getCol()) == null ? row.createCell(last.getCol()) : row.getCell(last.getCol());
    }

    /** Types a number over the first formula of the computed names (C18's case). */
    private static void overwriteFirstFormula(XSSFWorkbook workbook, double value) {
        for (var name : workbook.getAllNames()) {
            Cell cell = new WorkbookFiller(workbook).cell(name.getNameName(), 0);
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                cell.removeFormula();
                cell.setCellValue(value);
                return;
            }
        }
        throw new IllegalStateException("no formula under a name");
    }

    /** The workbook with every formula's cached result removed, as a program that does not calculate saves it. */
    private static Path uncached(Path source) throws IOException {
        Path file = dir.resolve("uncached.xlsx");
        try (InputStream in = Files.newInputStream(source); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (var sheet : workbook) {
                for (var row : sheet) {
                    for (var cell : row) {
                        if (((XSSFCell) cell).getCTCell().isSetF() && ((XSSFCell) cell).getCTCell().isSetV()) {
                            ((XSSFCell) cell).getCTCell().unsetV();
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    /** A copy of {@code source} with one more entry (a VBA project makes it an xlsm). */
    private static Path withEntry(Path source, String name, String entry) throws IOException {
        return rewrite(source, name, (part, bytes) -> part.equals("[Content_Types].xml")
                ? new String(bytes, StandardCharsets.UTF_8).replace("<Default ",
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default ").getBytes(StandardCharsets.UTF_8)
                : bytes, entry);
    }

    /** A copy of {@code source} with the first {@code count} occurrences of {@code from} in one part replaced. */
    private static Path replaced(Path source, String name, String part, String from, String to, int count) throws IOException {
        return rewrite(source, name, (entry, bytes) -> {
            if (!entry.equals(part)) {
                return bytes;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (int i = 0; i < count; i++) {
                text = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }, null);
    }

    private static Path rewrite(Path source, String name, java.util.function.BiFunction<String, byte[], byte[]> edit, String extra)
            throws IOException {
        Path file = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(edit.apply(e.getName(), in.readAllBytes()));
                out.closeEntry();
            }
            if (extra != null) {
                out.putNextEntry(new ZipEntry(extra));
                out.write(new byte[] {1, 2, 3});
                out.closeEntry();
            }
        }
        return file;
    }
}
