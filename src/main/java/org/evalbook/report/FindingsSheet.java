package org.evalbook.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.evalbook.check.ReturnForm;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.finding.Finding;
import org.evalbook.pipeline.CheckedReturn;

/**
 * 问题清单: every finding of every adopted return (a unit's 部门整体支出 return, then its project return, whose
 * findings name the project's sheet in 工作表), one row each, with an autofilter so the reviewer can narrow it by
 * unit, code or severity. The file name links to the return itself through a hyperlink object relative to the
 * consolidated workbook, so the link still works when the bureau moves the folder of returns and workbook together.
 */
final class FindingsSheet {
    static final String NAME = "问题清单";
    private static final List<String> HEADERS = List.of("单位代码", "单位名称", "文件", "工作表", "单元格", "编号", "问题类型",
            "严重程度", "问题说明", "应为", "实为", "是否已说明", "情况说明");
    private static final int UNIT_NAME = 1;
    private static final int FILE = 2;
    private static final int CELLS = 4;
    private static final int TITLE = 6;
    private static final int MESSAGE = 8;
    private static final int EXPECTED = 9;
    private static final int ACTUAL = 10;
    private static final int EXPLANATION = 12;
    /**
     * Widths of the wrapped columns: the message gets the most room, so on A4 landscape a finding reads in two or three
     * lines and is never cut; names and cell lists wrap rather than push the message off the page. The file is a link,
     * which LibreOffice does not wrap, so its column is the widest after the texts.
     */
    private static final Map<Integer, Integer> WIDTHS = Map.of(UNIT_NAME, 16, FILE, 28, CELLS, 14, TITLE, 16, MESSAGE, 44,
            EXPECTED, 12, ACTUAL, 12, EXPLANATION, 26);

    private final SheetWriter out;
    private final SXSSFWorkbook workbook;
    private final Path folder;
    private final ReturnDetails details;

    private FindingsSheet(SheetWriter out, SXSSFWorkbook workbook, Path folder, ReturnDetails details) {
        this.out = out;
        this.workbook = workbook;
        this.folder = folder.toAbsolutePath().normalize();
        this.details = details;
    }

    /** A return (by its place in the scan) and one of its sheets. */
    record At(int order, String sheet) {
    }

    /**
     * {@code folder} is where the consolidated workbook goes: links are made relative to it.
     *
     * @return the row (1-based, as a link addresses it) of the first finding of each sheet of each project return
     */
    static Map<At, Integer> write(SheetWriter out, SXSSFWorkbook workbook, Consolidation consolidation, Path folder, String year,
                                  ReturnDetails details) {
        return new FindingsSheet(out, workbook, folder, details).write(consolidation, year);
    }

    private Map<At, Integer> write(Consolidation consolidation, String year) {
        WIDTHS.forEach(out::fixWidth);
        out.title(year + "审核问题清单", HEADERS.size());
        int header = out.header(HEADERS).getRowNum();
        int last = header;
        Map<At, Integer> firstRows = new HashMap<>();
        for (UnitResult unit : consolidation.units()) {
            for (CheckedReturn kept : Stream.concat(unit.adopted().stream(), unit.project().stream()).toList()) {
                CheckedReturn adopted = details.full(kept, ReturnDetails.Detail.FINDINGS);
                Optional<String> address = adopted.path() == null ? Optional.empty() : address(adopted.path());
                for (Finding finding : adopted.findings()) {
                    last = row(unit, adopted, address, finding);
                    if (adopted.form() == ReturnForm.PROJECT) {
                        firstRows.putIfAbsent(new At(adopted.order(), finding.sheet()), last + 1);
                    }
                }
            }
        }
        out.filter(header, last, HEADERS.size());
        out.finish(FILE);
        return firstRows;
    }

    private int row(UnitResult unit, CheckedReturn adopted, Optional<String> address, Finding finding) {
        int row = out.newRow().getRowNum();
        out.text(0, unit.roster().unitCode());
        out.text(UNIT_NAME, unit.roster().unitName(), out.styles().wrapped());
        if (address.isPresent()) {
            out.link(FILE, adopted.file(), link(address.get()));
        } else {
            out.text(FILE, adopted.file(), out.styles().wrapped());
        }
        out.text(3, finding.sheet());
        out.text(CELLS, cells(finding), out.styles().wrapped());
        out.text(5, finding.code().name());
        out.text(TITLE, finding.code().title(), out.styles().wrapped());
        out.text(7, finding.severity().label(), out.styles().severity(finding.severity()));
        out.text(MESSAGE, finding.message(), out.styles().wrapped());
        out.text(EXPECTED, finding.expected(), out.styles().wrapped());
        out.text(ACTUAL, finding.actual(), out.styles().wrapped());
        out.text(11, finding.explained().isEmpty() ? "否" : "是");
        out.text(EXPLANATION, finding.explained(), out.styles().wrapped());
        return row;
    }

    /** The cells without their sheet when it is the finding's sheet: D8、D9 under 基础数据表. */
    static String cells(Finding finding) {
        String prefix = finding.sheet() + "!";
        return String.join("、", finding.cells().stream()
                .map(c -> !finding.sheet().isEmpty() && c.startsWith(prefix) ? c.substring(prefix.length()) : c).toList());
    }

    /** A link object of its own per cell: POI ties each to the one cell it sits on. */
    private Hyperlink link(String address) {
        Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.FILE);
        link.setAddress(address);
        return link;
    }

    /**
     * The file as a URI reference relative to the workbook's folder (spaces and the like escaped, Chinese kept), or an
     * absolute file URI when it lies on another drive; absent when no valid reference can be made of it.
     */
    private Optional<String> address(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (absolute.getRoot() != null && absolute.getRoot().equals(folder.getRoot())) {
                String relative = folder.relativize(absolute).toString().replace('\\', '/');
                // "./" keeps a first segment with a colon from being read as a URI scheme.
                String path = relative.split("/", 2)[0].contains(":") ? "./" + relative : relative;
                return Optional.of(new URI(null, null, path, null).toString());
            }
            return Optional.of(absolute.toUri().toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
