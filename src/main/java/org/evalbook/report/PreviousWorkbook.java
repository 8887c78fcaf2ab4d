package org.evalbook.report;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads 单位代码 and 核定总分 from the 汇总 sheet of last year's consolidated workbook, streaming: only that sheet and
 * the shared strings are parsed, as SAX events, through streams that stop at a byte limit, and only so many rows are
 * read. The columns are found by their header names, so inserted, moved or hidden columns do not matter; numbers are
 * taken as stored (not as formatted) and rounded to 2 decimals, which absorbs the binary tails a re-save may write.
 */
final class PreviousWorkbook {
    /** A consolidated workbook of tens of thousands of units stays well below this. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** Uncompressed bytes read from any one part (the sheet or the shared strings). */
    static final long MAX_PART_BYTES = 256L * 1024 * 1024;
    static final int MAX_ROWS = 200_000;
    /** The header row is the second row evalbook writes; a re-save may add a few rows above it. */
    private static final int HEADER_SEARCH_ROWS = 20;
    private static final String SHEET = SummarySheet.NAME;
    private static final String CODE = "单位代码";
    private static final String TOTAL = "核定总分";
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final String RESAVE = "请确认选的是 evalbook 去年生成的汇总表（.xlsx），或用 Excel、WPS 打开后另存为“Excel 工作簿（*.xlsx）”再试。";

    private final String name;
    private final Map<String, Optional<BigDecimal>> totals = new LinkedHashMap<>();
    private final Map<Integer, String> row = new HashMap<>();
    private int codeColumn = -1;
    private int totalColumn = -1;
    private int rowNumber;

    private PreviousWorkbook(String name) {
        this.name = name;
    }

    static Map<String, Optional<BigDecimal>> totals(Path file) throws PreviousYearException {
        PreviousWorkbook reader = new PreviousWorkbook("上年汇总表 " + file);
        reader.check(file);
        reader.read(file);
        return reader.totals;
    }

    private void check(Path file) throws PreviousYearException {
        try {
            if (!Files.isRegularFile(file)) {
                throw refused("找不到该文件。请检查路径。");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw refused("文件超过 " + MAX_FILE_BYTES / 1024 / 1024 + " MB，不像是汇总表。" + RESAVE);
            }
            byte[] head = new byte[ZIP.length];
            try (InputStream in = Files.newInputStream(file)) {
                if (in.readNBytes(head, 0, head.length) < head.length || !java.util.Arrays.equals(head, ZIP)) {
                    throw refused("不是 xlsx 格式（可能是 xls 旧格式、设置了打开密码，或根本不是工作簿）。" + RESAVE);
                }
            }
            // Opening the zip's directory here keeps POI from falling back to a stream reading, and logging, on a damaged file.
            new ZipFile(file.toFile()).close();
        } catch (ZipException damaged) {
            throw new PreviousYearException(name + "：文件已损坏或不是可读取的 Excel 工作簿。" + RESAVE, damaged);
        } catch (IOException unreadable) {
            throw new PreviousYearException(name + "：无法读取。请检查文件是否存在、是否有读取权限。", unreadable);
        }
    }

    private void read(Path file) throws PreviousYearException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = strings(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (SHEET.equals(sheets.getSheetName())) {
                        parse(sheet, strings);
                        return;
                    }
                }
            }
            throw refused("没有“" + SHEET + "”工作表，不是 evalbook 生成的汇总表。" + RESAVE);
        } catch (TooLarge | TooManyRows large) {
            throw refused("内容过大（超过 " + MAX_ROWS + " 行或解压后超过 " + MAX_PART_BYTES / 1024 / 1024 + " MB），不像是汇总表。" + RESAVE);
        } catch (NotOurs notOurs) {
            throw refused(notOurs.getMessage());
        } catch (PreviousYearException refused) {
            throw refused;
        } catch (Exception damaged) {
            // POI and the XML parser signal a damaged or foreign file with many exception types; none of their words help.
            throw new PreviousYearException(name + "：文件已损坏或不是可读取的 Excel 工作簿。" + RESAVE, damaged);
        } finally {
            if (pkg != null) {
                // Read-only: revert, not close (close is for saving, and warns about it).
                pkg.revert();
            }
        }
    }

    private static ReadOnlySharedStringsTable strings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            // evalbook writes inline strings; only a re-save adds a shared string table.
            return null;
        }
        try (InputStream in = new Capped(parts.get(0).getInputStream())) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    private void parse(InputStream sheet, ReadOnlySharedStringsTable strings) throws Exception {
        XMLReader parser = XMLHelper.newXMLReader();
        // No styles: a number comes through as stored, not as its format shows it.
        parser.setContentHandler(new XSSFSheetXMLHandler(null, strings, new Rows(), false));
        parser.parse(new InputSource(new Capped(sheet)));
        if (codeColumn < 0) {
            throw new NotOurs("“" + SHEET + "”工作表中找不到“" + CODE + "”和“" + TOTAL + "”两列，不是 evalbook 生成的汇总表。" + RESAVE);
        }
    }

    /** One row's cells, keyed by column; the header is looked for first, then every unit row is taken. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        @Override
        public void startRow(int number) {
            if (number >= MAX_ROWS) {
                throw new TooManyRows();
            }
            rowNumber = number;
            row.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (reference != null && value != null) {
                row.put((int) new CellReference(reference).getCol(), value.strip());
            }
        }

        @Override
        public void endRow(int number) {
            if (codeColumn < 0) {
                header();
            } else {
                unit();
            }
        }
    }

    private void header() {
        if (rowNumber >= HEADER_SEARCH_ROWS) {
            return;
        }
        Integer code = column(CODE);
        Integer total = column(TOTAL);
        if (code != null && total != null) {
            codeColumn = code;
            totalColumn = total;
        }
    }

    /** A header as written, or re-broken over lines by whoever re-saved the workbook. */
    private Integer column(String header) {
        return row.entrySet().stream().filter(e -> e.getValue().replaceAll("\\s", "").equals(header)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** Subtotal and total rows have no 单位代码 and are passed over. */
    private void unit() {
        String code = row.getOrDefault(codeColumn, "");
        if (code.isEmpty()) {
            return;
        }
        String cell = SHEET + "!" + new CellReference(rowNumber, totalColumn).formatAsString();
        if (totals.containsKey(code)) {
            throw new NotOurs("单位代码 " + code + " 出现了两次（第二次在第 " + (rowNumber + 1) + " 行），无法确定上年得分。请核对该汇总表。");
        }
        String total = row.getOrDefault(totalColumn, "");
        try {
            totals.put(code, total.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(total).setScale(2, RoundingMode.HALF_UP)));
        } catch (NumberFormatException notANumber) {
            throw new NotOurs(cell + " 的核定总分“" + total + "”不是数字。请改为数字或清空后再试。");
        }
    }

    private PreviousYearException refused(String reason) {
        return new PreviousYearException(name + "：" + reason);
    }

    /** A stream that fails once more than {@link #MAX_PART_BYTES} were read from it: a zip bomb stops here. */
    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_PART_BYTES) {
                throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static final class TooManyRows extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The workbook reads but is not a consolidated workbook of ours; the message says why. */
    private static final class NotOurs extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotOurs(String message) {
            super(message);
        }
    }
}
