package org.evalbook.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.finding.Severity;
import org.evalbook.framework.ProjectComputed;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.ProjectFramework;
import org.evalbook.framework.ProjectProfile;
import org.evalbook.framework.TableRow;
import org.evalbook.intake.ProjectSheet;
import org.evalbook.intake.ProjectValues;

/** One project sheet under check: its values, where they came from, its recomputation, and how to word a finding. */
final class ProjectChecked {
    static final String TABLE = "pi";
    final ProjectFramework framework;
    final ProjectProfile profile;
    final String file;
    final ProjectSheet sheet;
    final ProjectScore score;

    ProjectChecked(ProjectFramework framework, ProjectProfile profile, String file, ProjectSheet sheet, ProjectScore score) {
        this.framework = framework;
        this.profile = profile;
        this.file = file;
        this.sheet = sheet;
        this.score = score;
    }

    Optional<BigDecimal> number(String id) {
        return sheet.values().number(id);
    }

    Optional<String> text(String id) {
        return sheet.values().text(id);
    }

    List<TableRow> rows() {
        return sheet.values().rows(TABLE);
    }

    /** The label a unit sees: 全年预算数 of 年度资金总额 as 年度资金总额（全年预算数）, a table cell as 绩效指标第 n 行·分值. */
    String label(String id) {
        int bracket = id.indexOf('[');
        if (bracket > 0) {
            return "第 " + id.substring(bracket + 1, id.length() - 1) + " 行指标的" + label(id.substring(0, bracket));
        }
        return ProjectComputed.named(id).map(computed -> switch (computed) {
            case EXEC_RATE -> "预算执行率";
            case EXEC_SCORE -> "执行率得分";
            case ROW_SCORE -> "复核得分";
            case TOTAL -> "复核总分";
            case GRADE -> "复核等级";
        }).orElseGet(() -> framework.field(id).map(ProjectChecked::lineLabel).orElse(id));
    }

    private static String lineLabel(FieldDef field) {
        return ProjectValues.label(field);
    }

    /** A funds field's line alone (当年财政拨款), where the column goes without saying. */
    String line(String id) {
        return framework.field(id).map(f -> ProjectValues.clean(f.lineLabel())).orElse(id);
    }

    /** A finding about fields of this sheet, located at their cells (the sheet itself when none has a cell). */
    Finding finding(FindingCode code, Severity severity, List<String> ids, String expected, String actual, String message) {
        List<String> cells = new ArrayList<>();
        ids.forEach(id -> sheet.where(id).filter(c -> !cells.contains(c)).ifPresent(cells::add));
        String where = cells.isEmpty() ? "项目工作表“" + sheet.sheet() + "”：" : cells.get(0) + " ";
        return new Finding(code, severity, file, sheet.sheet(), cells, String.join(",", ids), expected, actual, where + message);
    }

    /** A finding at cells no field was read from (a blank cell of a filled row: the cell the row's column range gives). */
    Finding findingAt(FindingCode code, Severity severity, String id, List<String> cells, String message) {
        String where = cells.isEmpty() ? "项目工作表“" + sheet.sheet() + "”：" : cells.get(0) + " ";
        return new Finding(code, severity, file, sheet.sheet(), cells, id, "", "", where + message);
    }
}
