package org.evalbook.intake;

import java.util.ArrayList;
import java.util.List;
import org.evalbook.framework.ProjectComputed;
import org.evalbook.framework.ProjectFramework;

/**
 * The names of the project form's workbook (design of issue 12): the unit's fields workbook-scoped, and on every
 * project sheet the same sheet-scoped names — each pj_ field, each pi_ column range, and the computed cells.
 */
public final class ProjectContract {
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
        for (ProjectComputed computed : ProjectComputed.values()) {
            names.add(new SheetName(computed.id(), computed.column()));
        }
        return names;
    }
}
