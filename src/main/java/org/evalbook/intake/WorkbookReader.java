package org.evalbook.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.Framework;
import org.evalbook.signing.IssueIdentity;

/**
 * Reads one received file into a {@link RawReturn}: its format, meta sheet and every contract name it has (or, when
 * the names are gone, the fields found by their labels). Never throws: whatever goes wrong becomes an F finding.
 * Meant to run inside a worker process (see {@link IsolatedReader}), where a runaway file can be stopped.
 */
public final class WorkbookReader {
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    static final String STRICT = "这是 Strict Open XML（严格 OOXML）格式的工作簿，evalbook 暂不支持";
    private static final int ROWS_BELOW = 30;

    private final Framework framework;
    private final List<DefinedName> contract;

    public WorkbookReader(Framework framework) {
        this.framework = framework;
        this.contract = FieldContract.of(framework);
    }

    public RawReturn read(Path path) {
        return read(path, path.getFileName().toString());
    }

    /** Reads {@code path}, naming the file {@code file} in every finding. */
    public RawReturn read(Path path, String file) {
        String kind = "";
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                return refused(file, FindingCode.F08, "文件大于 " + MAX_FILE_BYTES / 1024 / 1024 + " MB，超出读取限制（填报表正常只有几十 KB）");
            }
            FileFormat.Detected detected = FileFormat.detect(path);
            if (!detected.readable()) {
                return RawReturn.unreadable(file, List.of(Finding.aboutFile(detected.refusal(), file, detected.message())));
            }
            kind = detected.kind();
            List<Finding> findings = new ArrayList<>();
            if (detected.macros()) {
                findings.add(Finding.aboutFile(FindingCode.F09, file, "文件含有宏，宏已忽略、不会运行。请用填报表原格式（.xlsx）保存后交回。"));
            }
            RawReturn read;
            try (Workbook workbook = WorkbookFactory.create(path.toFile(), null, true)) {
                Optional<String> tooLong = TextLimit.sharedStringTooLong(workbook);
                if (tooLong.isPresent()) {
                    return refused(file, FindingCode.F08, tooLong.get());
                }
                read = read(file, kind, workbook, findings);
            }
            return TextLimit.exceeded(read).map(tooLong -> RawReturn.unreadable(file, List.of(tooLong))).orElse(read);
        } catch (EncryptedDocumentException encrypted) {
            return refused(file, FindingCode.F03, "文件设置了打开密码（已加密）");
        } catch (OldExcelFormatException old) {
            return refused(file, FindingCode.F06, "这是 Excel 5.0/95 或更早的旧格式工作簿");
        } catch (IOException | RuntimeException failure) {
            ReadFailure why = ReadFailure.of(failure, kind);
            return refused(file, why.code(), why.reason());
        } catch (StackOverflowError tooDeep) {
            return refused(file, FindingCode.F08, "文件的结构嵌套过深，超出读取限制");
        } catch (OutOfMemoryError exhausted) {
            return refused(file, FindingCode.F08, "读取所需的内存超出限制");
        }
    }

    private RawReturn read(String file, String format, Workbook workbook, List<Finding> findings) {
        Map<String, String> meta = meta(workbook);
        Map<String, RawName> names = new LinkedHashMap<>();
        for (DefinedName name : contract) {
            try {
                Name defined = workbook.getName(name.id());
                if (defined != null) {
                    names.put(name.id(), follow(workbook, defined, name.column()));
                }
            } catch (Throwable broken) {
                // One broken name (POI recursing without end on it, say) stays with that name; the rest is read.
                names.put(name.id(), new RawName(name.id(), List.of(), List.of(), "定义名称无法读取"));
            }
        }
        boolean byLabels = false;
        long followed = names.values().stream().filter(n -> n.problem().isEmpty()).count();
        if (followed < 3) {
            LabelReader labels = new LabelReader(framework, workbook);
            Map<String, RawName> found = byLabels(labels);
            if (meta.isEmpty() && followed == 0 && labels.labelsSeen() < 5) {
                findings.add(Finding.aboutFile(FindingCode.F10, file, "文件中没有下发表的标识、定义名称，也几乎没有填报表的栏目名称（只找到 "
                        + labels.labelsSeen() + " 个），不是本次下发的填报表。请使用财政局下发的填报表填写后交回。"));
                return new RawReturn(file, format, findings, meta, Map.of(), false);
            }
            if (!found.isEmpty()) {
                found.forEach(names::putIfAbsent);
                byLabels = true;
                findings.add(Finding.aboutFile(FindingCode.F11, file, "填报表的定义名称已丢失（可能把数据粘贴到了新工作簿），已按栏目名称读取 "
                        + found.size() + " 项数据；表格和指标自评没有读取，有关提示可能不准。请在下发的填报表中填写后交回。"));
            }
        }
        return new RawReturn(file, format, findings, meta, names, byLabels);
    }

    /** The meta sheet, or none when it cannot be read (identity checks then say the meta is missing). */
    private static Map<String, String> meta(Workbook workbook) {
        try {
            return IssueIdentity.meta(workbook);
        } catch (Throwable unreadable) {
            return Map.of();
        }
    }

    private static Map<String, RawName> byLabels(LabelReader labels) {
        try {
            return labels.read();
        } catch (Throwable unreadable) {
            return Map.of();
        }
    }

    private RawName follow(Workbook workbook, Name defined, boolean column) {
        String formula;
        try {
            formula = defined.getRefersToFormula();
        } catch (RuntimeException broken) {
            return new RawName(defined.getNameName(), List.of(), List.of(), "定义名称无法解析");
        }
        if (formula == null || formula.contains("#REF!")) {
            return new RawName(defined.getNameName(), List.of(), List.of(), "定义名称指向已删除的单元格（#REF!）");
        }
        AreaReference area;
        try {
            area = new AreaReference(formula, workbook.getSpreadsheetVersion());
        } catch (RuntimeException notAnArea) {
            return new RawName(defined.getNameName(), List.of(), List.of(), "定义名称不指向单元格：" + formula);
        }
        CellReference first = area.getFirstCell();
        Sheet sheet = first.getSheetName() == null ? null : workbook.getSheet(first.getSheetName());
        if (sheet == null) {
            return new RawName(defined.getNameName(), List.of(), List.of(), "定义名称指向不存在的工作表 " + first.getSheetName());
        }
        CellReference last = area.getLastCell();
        int lastRow = Math.min(last.getRow(), first.getRow() + 5000);
        List<RawCell> cells = new ArrayList<>();
        for (int r = first.getRow(); r <= lastRow; r++) {
            cells.add(cell(sheet, r, first.getCol()));
        }
        List<RawCell> below = column ? below(sheet, lastRow, first.getCol()) : List.of();
        return new RawName(defined.getNameName(), cells, below, "");
    }

    /** Filled, non-formula cells in the rows just below a column range, until three empty rows in a row. */
    private static List<RawCell> below(Sheet sheet, int lastRow, int column) {
        List<RawCell> below = new ArrayList<>();
        int emptyRows = 0;
        for (int r = lastRow + 1; r <= lastRow + ROWS_BELOW && emptyRows < 3; r++) {
            Row row = sheet.getRow(r);
            boolean empty = row == null || row.getPhysicalNumberOfCells() == 0;
            emptyRows = empty ? emptyRows + 1 : 0;
            RawCell cell = cell(sheet, r, column);
            if (!cell.isBlank() && !cell.hasFormula()) {
                below.add(cell);
            }
        }
        return below;
    }

    static RawCell cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell c = r == null ? null : r.getCell(column);
        return c == null ? Cells.blank(sheet.getSheetName(), row, column) : Cells.of(c);
    }

    private static RawReturn refused(String file, FindingCode code, String reason) {
        return RawReturn.unreadable(file, List.of(Finding.aboutFile(code, file, reason + "。" + advice(code) + "。")));
    }

    static String advice(FindingCode code) {
        return switch (code) {
            case F03 -> "请取消打开密码后重新交回";
            case F04, F05, F06, F16 -> OtherFormats.SAVE_AS;
            case F02 -> "请交回下发的 Excel 填报表，而不是 Word 报告";
            case F07 -> "文件可能在传输中损坏，请重新发送";
            case F08 -> "请检查是否发错了文件";
            case F15 -> "附件无需处理；填报表请另交 .xlsx 文件";
            default -> "请使用财政局下发的填报表（.xlsx）填写后交回";
        };
    }
}
