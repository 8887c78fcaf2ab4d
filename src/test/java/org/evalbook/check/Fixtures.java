package org.evalbook.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.template.ConsistentReturn;
import org.evalbook.template.WorkbookFiller;

/**
 * Real workbooks (and would-be workbooks) that each trigger one finding code: the consistent return with one thing
 * broken, or a file of the kind a unit sends instead of its return.
 */
final class Fixtures {
    private final Path dir;

    Fixtures(Path dir) {
        this.dir = dir;
    }

    /** The consistent return with one edit made through its names. */
    Path edited(String name, Consumer<WorkbookFiller> edit) throws Exception {
        try (XSSFWorkbook workbook = ConsistentReturn.workbook()) {
            edit.accept(new WorkbookFiller(workbook));
            return ConsistentReturn.save(workbook, dir.resolve(name));
        }
    }

    /** The consistent return, edited as a workbook (sheets, names, meta). */
    Path workbook(String name, Consumer<XSSFWorkbook> edit) throws Exception {
        try (XSSFWorkbook workbook = ConsistentReturn.workbook()) {
            edit.accept(workbook);
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                workbook.write(out);
            }
            return dir.resolve(name);
        }
    }

    Path consistent(String name) throws Exception {
        return edited(name, filler -> { });
    }

    Path text(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** A zip with the given entries (name → content). */
    Path zip(String name, String... entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** The consistent return with one more zip entry (a VBA project makes it an xlsm). */
    Path withEntry(String name, String entry) throws Exception {
        Path source = consistent("source-" + name);
        Path file = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("[Content_Types].xml")) {
                    String types = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<Default ",
                            "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default ");
                    out.write(types.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(entry));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        return file;
    }

    /** An OLE2 compound file holding one stream (Word's, Excel 5's, …). */
    Path ole2(String name, String stream) throws IOException {
        Path file = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), stream);
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** The consistent return encrypted with a password to open. */
    Path encrypted(String name) throws Exception {
        Path plain = consistent("plain-" + name);
        Path file = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (InputStream in = Files.newInputStream(plain); OutputStream encrypted = encryptor.getDataStream(fs)) {
                in.transferTo(encrypted);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    /** The first half of the consistent return. */
    Path truncated(String name) throws Exception {
        byte[] whole = Files.readAllBytes(consistent("whole-" + name));
        return Files.write(dir.resolve(name), java.util.Arrays.copyOf(whole, whole.length / 2));
    }

    /** A workbook that has nothing of ours: a shopping list. */
    Path foreign(String name) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("购物清单");
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("苹果");
            row.createCell(1).setCellValue(3);
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                workbook.write(out);
            }
        }
        return dir.resolve(name);
    }

    /** The unit's figures pasted as label/value pairs into a fresh workbook: no names, no meta. */
    Path pasted(String name) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            Object[][] rows = {{"单位代码", "0530102"}, {"单位名称", "五华区计划生育协会"}, {"编制数", 7}, {"实际在职人数", 7},
                {"本年收入合计", 100}, {"财政拨款收入", 90}, {"其他收入", 10}, {"项目", "年初预算数", "决算数"},
                {"本年支出合计", 100, 100}, {"基本支出", 60, 60}, {"项目支出", 40, 40}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else {
                        row.createCell(c).setCellValue(((Number) rows[r][c]).doubleValue());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                workbook.write(out);
            }
        }
        return dir.resolve(name);
    }
}
