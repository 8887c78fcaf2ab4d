package org.evalbook.intake;

import java.util.ArrayList;
import java.util.List;
import org.evalbook.framework.ProjectFramework;

/**
 * The names of the project form's workbook (design of issue 12): the unit's fields workbook-scoped, and on every
 * project sheet the same sheet-scoped names — each pj_ field, each pi_ column range, and the computed cells.
 */
public final class ProjectContract {
    /** 预算执行率 (formula). */
    public static final String EXEC_RATE = "pj_exec_rate";
    /** 执行率得分 (formula). */
    public static final String EXEC_SCORE = "pj_exec_score";
    /** The column of each indicator's recomputed score (formulas). */
    public static final String ROW_SCORE = "pi_score";
    /** 得分合计 (formula). */
    public static final String TOTAL = "pj_score_total";
    /** 评价等级 (formula). */
    public static final String GRADE = "pj_grade";
    /** The name whose sheet-scoped presence makes a sheet a project sheet, whatever the sheet is called. */
    public static final String MARK = "pj_name";
    /** Project sheets read at most: a workbook of thousands of copied sheets must not exhaust a reader worker. */
    public static final int MAX_SHEETS = 200;

    /** A sheet-scoped name the reader follows: a single cell, or a column range. */
    public record SheetName(String id, boolean column) {
    }

    private ProjectContract() {
    }

    /** The bundled project framework, loaded once: readers and checkers not given one use it. */
    public static ProjectFramework bundled() {
        return Bundled.PROJECT;
    }

    private static final class Bundled {
        static final ProjectFramework PROJECT = (ProjectFramework) org.evalbook.framework.Frameworks.bundledAny(
                org.evalbook.framework.Frameworks.PROJECT_ID);
    }

    /** Every sheet-scoped name of a project sheet, in the contract's order (fields, table columns, computed cells). */
    public static List<SheetName> sheetNames(ProjectFramework framework) {
        List<SheetName> names = new ArrayList<>();
        framework.projectFields().forEach(f -> names.add(new SheetName(f.id(), false)));
        framework.indicatorTable().columns().forEach(c -> names.add(new SheetName(c.id(), true)));
        names.add(new SheetName(EXEC_RATE, false));
        names.add(new SheetName(EXEC_SCORE, false));
        names.add(new SheetName(ROW_SCORE, true));
        names.add(new SheetName(TOTAL, false));
        names.add(new SheetName(GRADE, false));
        return names;
    }
}
