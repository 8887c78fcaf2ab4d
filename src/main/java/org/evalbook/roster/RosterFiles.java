package org.evalbook.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.evalbook.framework.Decimals;

/**
 * Opens a roster file as a {@link RosterTable}: xlsx or xls (told by content, not by name), or CSV text. Whatever
 * cannot be read is refused with a {@link RosterException} that says what to do, never with the library's words.
 */
final class RosterFiles {
    /** A roster is a list of units; anything this large is not one, and reading it whole would exhaust memory. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final String RESAVE = "请用 Excel 或 WPS 打开名册，另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8（逗号分隔）（*.csv）”后再试。";
    private static final DataFormatter FORMATTER = new DataFormatter();

    private RosterFiles() {
    }

    static RosterTable open(Path file) throws IOException, RosterException {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw RosterException.unreadable(name, "这是文件夹，不是名册文件。请指向名册文件（xlsx、xls 或 csv）。");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw RosterException.unreadable(name, "文件超过 " + MAX_BYTES / 1024 / 1024 + " MB，不像是名册。请确认选对了文件。");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (startsWith(bytes, ZIP) || startsWith(bytes, OLE2)) {
            return workbook(name, bytes);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return RosterCsv.read(name, bytes);
        }
        throw RosterException.unreadable(name, "既不是 Excel 工作簿（xlsx、xls），也不是 CSV 文件。" + RESAVE);
    }

    /** The sheet called {@code sheetName} of an xlsx or xls roster; empty for a CSV roster or a workbook without it. */
    static Optional<RosterTable> sheet(Path file, String sheetName) throws IOException, RosterException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        if (!startsWith(bytes, ZIP) && !startsWith(bytes, OLE2)) {
            return Optional.empty();
        }
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            return Optional.ofNullable(workbook.getSheet(sheetName)).map(RosterFiles::table);
        } catch (EncryptedDocumentException encrypted) {
            throw RosterException.unreadable(name, "文件设置了打开密码，无法读取。请取消密码后另存，再试。");
        } catch (IOException | RuntimeException damaged) {
            throw RosterException.unreadable(name, "文件已损坏或不是可读取的 Excel 工作簿。" + RESAVE);
        }
    }

    private static RosterTable workbook(String name, byte[] bytes) throws RosterException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw RosterException.unreadable(name, "工作簿中没有工作表。请把名册写在第一个工作表中。");
            }
            return table(workbook.getSheetAt(0));
        } catch (EncryptedDocumentException encrypted) {
            throw RosterException.unreadable(name, "文件设置了打开密码，无法读取。请取消密码后另存，再试。");
        } catch (IOException | RuntimeException damaged) {
            // POI signals a damaged or unsupported file with many exception types; none of their words help a user.
            throw RosterException.unreadable(name, "文件已损坏或不是可读取的 Excel 工作簿。" + RESAVE);
        }
    }

    /** The cells of a sheet as the person sees them; a number keeps its value too, to tell codes typed as numbers. */
    static RosterTable table(Sheet sheet) {
        List<RosterTable.Line> lines = new ArrayList<>();
        for (Row row : sheet) {
            RosterTable.LineBuilder line = new RosterTable.LineBuilder(row.getRowNum() + 1);
            for (Cell cell : row) {
                line.put(cell.getColumnIndex(), cell(cell));
            }
            lines.add(line.build());
        }
        return new RosterTable(lines);
    }

    private static RosterCell cell(Cell cell) {
        String address = cell.getAddress().formatAsString();
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> RosterCell.of(address, FORMATTER.formatRawCellContents(cell.getNumericCellValue(),
                    cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString()),
                    Optional.of(Decimals.ofDouble(cell.getNumericCellValue())));
            case STRING -> RosterCell.of(address, cell.getStringCellValue(), Optional.empty());
            case BOOLEAN -> RosterCell.of(address, String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT), Optional.empty());
            default -> RosterCell.blank(address);
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
