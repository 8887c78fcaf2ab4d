package org.evalbook.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.Framework;
import org.evalbook.framework.ProjectFramework;
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
    /**
     * The areas of defined names already parsed, by formula: a template's names are the same in every return, and
     * parsing them was a twentieth of a worker's time. Bounded like everything taken from a file: past the limit the
     * memory starts afresh, and a formula longer than any a template writes is parsed each time.
     */
    private static final Map<Area, AreaReference> AREAS = new ConcurrentHashMap<>();
    private static final int MOST_AREAS = 4_096;
    private static final int LONGEST_AREA = 256;

    private record Area(String formula, SpreadsheetVersion version) {
    }

    private final Framework framework;
    private final List<DefinedName> contract;
    /** The names every project sheet carries, scoped to it. */
    private final List<ProjectContract.SheetName> sheetContract;
    /** Whether xlsx and xlsm files are read by the streaming reader first (POI reads whatever it leaves). */
    private final boolean streamed;
    private final java.util.Set<String> contractIds;
    private NumberFormats formats;

    /** Reads returns of either form: {@code framework}'s, or the bundled project form's. */
    public WorkbookReader(Framework framework) {
        this(framework, ProjectContract.bundled(), true);
    }

    /** Reads returns of either form: {@code framework}'s, or {@code project}'s (one sheet per project). */
    public WorkbookReader(Framework framework, ProjectFramework project) {
        this(framework, project, true);
    }

    /** @param streamed false reads every file with POI's usermodel (the reference the streaming reader is held to) */
    WorkbookReader(Framework framework, boolean streamed) {
        this(framework, ProjectContract.bundled(), streamed);
    }

    private WorkbookReader(Framework framework, ProjectFramework project, boolean streamed) {
        this.framework = framework;
        List<DefinedName> names = new ArrayList<>(FieldContract.of(framework));
        java.util.Set<String> department = names.stream().map(DefinedName::id).collect(java.util.stream.Collectors.toSet());
        for (org.evalbook.framework.FieldDef unit : project.unitFields()) {
            if (!department.contains(unit.id())) {
                names.add(new DefinedName(unit.id(), unit.label(), unit.unit(), unit.type(), DefinedName.Requirement.OPTIONAL, false));
            }
        }
        this.contract = List.copyOf(names);
        this.sheetContract = ProjectContract.sheetNames(project);
        java.util.Set<String> ids = new java.util.HashSet<>();
        contract.forEach(n -> ids.add(n.id().toLowerCase(java.util.Locale.ENGLISH)));
        sheetContract.forEach(n -> ids.add(n.id().toLowerCase(java.util.Locale.ENGLISH)));
        this.contractIds = java.util.Set.copyOf(ids);
        this.streamed = streamed;
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
            List<Finding> findings = opening(file, detected);
            Optional<RawReturn> fast = streamed ? streamed(path, file, kind, findings) : Optional.empty();
            if (fast.isPresent()) {
                return limited(file, fast.get());
            }
            RawReturn read;
            try (Workbook workbook = WorkbookFactory.create(path.toFile(), null, true)) {
                Optional<String> tooLong = TextLimit.sharedStringTooLong(workbook);
                if (tooLong.isPresent()) {
                    return refused(file, FindingCode.F08, tooLong.get());
                }
                read = read(file, kind, new PoiBook(workbook), meta(workbook), findings,
                        () -> new LabelReader(framework, workbook));
            }
            return limited(file, read);
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

    /** The streaming reading alone, for the test that holds it to POI's: empty when POI would read the file. */
    Optional<RawReturn> readStreamedOnly(Path path, String file) throws IOException {
        FileFormat.Detected detected = FileFormat.detect(path);
        return detected.readable() ? streamed(path, file, detected.kind(), opening(file, detected)).map(read -> limited(file, read))
                : Optional.empty();
    }

    private static List<Finding> opening(String file, FileFormat.Detected detected) {
        List<Finding> findings = new ArrayList<>();
        if (detected.macros()) {
            findings.add(Finding.aboutFile(FindingCode.F09, file, "文件含有宏，宏已忽略、不会运行。请用填报表原格式（.xlsx）保存后交回。"));
        }
        return findings;
    }

    private static RawReturn limited(String file, RawReturn read) {
        return TextLimit.exceeded(read).map(tooLong -> RawReturn.unreadable(file, List.of(tooLong))).orElse(read);
    }

    /**
     * The streaming reading of an xlsx or xlsm file (see {@link StreamedWorkbook}); empty whenever POI must read it: a
     * file the streaming reader does not mirror exactly, a text too long for a cell, or names too few to follow (the
     * labels are then looked for in the whole workbook).
     */
    private Optional<RawReturn> streamed(Path path, String file, String kind, List<Finding> findings) {
        if (!kind.equals("xlsx") && !kind.equals("xlsm")) {
            return Optional.empty();
        }
        Optional<StreamedWorkbook> opened = StreamedWorkbook.open(path.toFile(), formats(), contractIds);
        if (opened.isEmpty() || opened.get().hasTooLongString()) {
            return Optional.empty();
        }
        StreamedWorkbook book = opened.get();
        try {
            Map<String, String> meta = book.meta();
            RawReturn read = read(file, kind, book, meta, new ArrayList<>(findings), null);
            return book.gaveUp() || read == null ? Optional.empty() : Optional.of(read);
        } catch (RuntimeException | StackOverflowError unexpected) {
            return Optional.empty();
        }
    }

    private NumberFormats formats() {
        if (formats == null) {
            formats = new NumberFormats();
        }
        return formats;
    }

    /**
     * Follows every contract name in {@code book}. Without {@code labels} (the streaming reading), a return whose names
     * are too few to follow gives null: the labels are read from POI's whole workbook.
     */
    private RawReturn read(String file, String format, Book book, Map<String, String> meta, List<Finding> findings,
                           java.util.function.Supplier<LabelReader> labelReader) {
        Map<String, RawName> names = new LinkedHashMap<>();
        for (DefinedName name : contract) {
            try {
                Defined defined = book.name(name.id());
                if (defined != null) {
                    names.put(name.id(), follow(book, defined, name.column(), null));
                }
            } catch (Throwable broken) {
                // One broken name (POI recursing without end on it, say) stays with that name; the rest is read.
                names.put(name.id(), new RawName(name.id(), List.of(), List.of(), "定义名称无法读取"));
            }
        }
        Map<String, Map<String, RawName>> sheets = projectSheets(file, book, findings);
        boolean byLabels = false;
        long followed = names.values().stream().filter(n -> n.problem().isEmpty()).count();
        if (followed < 3 && sheets.isEmpty()) {
            if (labelReader == null) {
                return null;
            }
            LabelReader labels = labelReader.get();
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
        return new RawReturn(file, format, findings, meta, names, byLabels, sheets);
    }

    /**
     * The project sheets — those carrying a sheet-scoped {@code pj_name}, whatever they are called — in the workbook's
     * order, each with its sheet-scoped names followed; beyond {@link ProjectContract#MAX_SHEETS}, an F08 says how many
     * were left unread.
     */
    private Map<String, Map<String, RawName>> projectSheets(String file, Book book, List<Finding> findings) {
        Map<String, Map<String, RawName>> sheets = new LinkedHashMap<>();
        List<String> sheetNames = book.sheetNames();
        int found = 0;
        for (int index = 0; index < sheetNames.size(); index++) {
            if (book.name(ProjectContract.MARK, index) == null || ++found > ProjectContract.MAX_SHEETS) {
                continue;
            }
            Map<String, RawName> named = new LinkedHashMap<>();
            for (ProjectContract.SheetName name : sheetContract) {
                try {
                    Defined defined = book.name(name.id(), index);
                    if (defined != null) {
                        // The totals block of a project sheet stands right under its indicator table: nothing typed below
                        // the range is an indicator, so only the range is read (a unit adds rows by inserting them inside).
                        named.put(name.id(), follow(book, defined, false, sheetNames.get(index)));
                    }
                } catch (Throwable broken) {
                    named.put(name.id(), new RawName(name.id(), List.of(), List.of(), "定义名称无法读取"));
                }
            }
            sheets.put(sheetNames.get(index), named);
        }
        if (found > ProjectContract.MAX_SHEETS) {
            findings.add(Finding.aboutFile(FindingCode.F08, file, "工作簿中有 " + found + " 个项目工作表，超出读取上限 "
                    + ProjectContract.MAX_SHEETS + " 个，只读取了前 " + ProjectContract.MAX_SHEETS + " 个。请每个文件最多填报 "
                    + ProjectContract.MAX_SHEETS + " 个项目，其余项目另用一份填报表交回。"));
        }
        return sheets;
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

    /**
     * @param readBelow also read the cells typed in the rows just below a column range (as rows of its table)
     * @param scope     the sheet a sheet-scoped name belongs to, for a reference without a sheet (null: workbook-scoped)
     */
    private static RawName follow(Book book, Defined defined, boolean readBelow, String scope) {
        String formula;
        try {
            formula = defined.formula();
        } catch (RuntimeException broken) {
            return new RawName(defined.name(), List.of(), List.of(), "定义名称无法解析");
        }
        if (formula == null || formula.contains("#REF!")) {
            return new RawName(defined.name(), List.of(), List.of(), "定义名称指向已删除的单元格（#REF!）");
        }
        AreaReference area;
        try {
            area = area(formula, book.version());
        } catch (RuntimeException notAnArea) {
            return new RawName(defined.name(), List.of(), List.of(), "定义名称不指向单元格：" + formula);
        }
        CellReference first = area.getFirstCell();
        String target = first.getSheetName() == null ? scope : first.getSheetName();
        Grid sheet = target == null ? null : book.sheet(target);
        if (sheet == null) {
            return new RawName(defined.name(), List.of(), List.of(), "定义名称指向不存在的工作表 " + target);
        }
        CellReference last = area.getLastCell();
        int lastRow = Math.min(last.getRow(), first.getRow() + 5000);
        List<RawCell> cells = new ArrayList<>();
        for (int r = first.getRow(); r <= lastRow; r++) {
            cells.add(sheet.cell(r, first.getCol()));
        }
        List<RawCell> below = readBelow ? below(sheet, lastRow, first.getCol()) : List.of();
        return new RawName(defined.name(), cells, below, "");
    }

    private static AreaReference area(String formula, SpreadsheetVersion version) {
        if (formula.length() > LONGEST_AREA) {
            return new AreaReference(formula, version);
        }
        Area key = new Area(formula, version);
        AreaReference known = AREAS.get(key);
        if (known == null) {
            known = new AreaReference(formula, version);
            if (AREAS.size() >= MOST_AREAS) {
                AREAS.clear();
            }
            AREAS.put(key, known);
        }
        return known;
    }

    /** Filled, non-formula cells in the rows just below a column range, until three empty rows in a row. */
    private static List<RawCell> below(Grid sheet, int lastRow, int column) {
        List<RawCell> below = new ArrayList<>();
        int emptyRows = 0;
        for (int r = lastRow + 1; r <= lastRow + ROWS_BELOW && emptyRows < 3; r++) {
            emptyRows = sheet.emptyRow(r) ? emptyRows + 1 : 0;
            RawCell cell = sheet.cell(r, column);
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

    /** A defined name as found: its name as spelled in the file, and its formula (null when blank; may throw). */
    interface Defined {
        String name();

        String formula();

        static Defined of(String name, String formula) {
            return new Defined() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String formula() {
                    return formula;
                }
            };
        }
    }

    /** What following the contract names needs of a workbook: POI's ({@link PoiBook}) or the streamed one. */
    interface Book {
        /** The first workbook-scoped name so called, ignoring case as Excel does; null when there is none. */
        Defined name(String id);

        /** The first name so called scoped to the sheet at {@code sheet} (from 0, the workbook's order); null when none. */
        Defined name(String id, int sheet);

        /** Every sheet's name, in the workbook's order. */
        List<String> sheetNames();

        /** The first sheet so called, ignoring case; null when there is none. */
        Grid sheet(String name);

        default SpreadsheetVersion version() {
            return SpreadsheetVersion.EXCEL2007;
        }
    }

    /** One sheet's cells. */
    interface Grid {
        String sheetName();

        RawCell cell(int row, int column);

        /** No such row, or a row without cells. */
        boolean emptyRow(int row);
    }

    /** POI's usermodel, for the formats and files the streaming reader leaves to it. */
    private record PoiBook(Workbook workbook) implements Book {
        @Override
        public Defined name(String id) {
            return name(id, -1);
        }

        @Override
        public Defined name(String id, int sheet) {
            Name defined = workbook.getNames(id).stream().filter(n -> n.getSheetIndex() == sheet).findFirst().orElse(null);
            return defined == null ? null : new Defined() {
                @Override
                public String name() {
                    return defined.getNameName();
                }

                @Override
                public String formula() {
                    return defined.getRefersToFormula();
                }
            };
        }

        @Override
        public List<String> sheetNames() {
            List<String> names = new ArrayList<>();
            workbook.sheetIterator().forEachRemaining(s -> names.add(s.getSheetName()));
            return names;
        }

        @Override
        public Grid sheet(String name) {
            Sheet sheet = workbook.getSheet(name);
            return sheet == null ? null : new Grid() {
                @Override
                public String sheetName() {
                    return sheet.getSheetName();
                }

                @Override
                public RawCell cell(int row, int column) {
                    return WorkbookReader.cell(sheet, row, column);
                }

                @Override
                public boolean emptyRow(int row) {
                    Row r = sheet.getRow(row);
                    return r == null || r.getPhysicalNumberOfCells() == 0;
                }
            };
        }

        @Override
        public SpreadsheetVersion version() {
            return workbook.getSpreadsheetVersion();
        }
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
