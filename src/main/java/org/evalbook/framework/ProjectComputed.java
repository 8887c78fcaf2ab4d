package org.evalbook.framework;

/**
 * The computed cells of every project sheet: formulas the issued form carries, named sheet-scoped like its fields, which
 * the checks hold to the engine's recomputation. Their names are part of the workbook's contract, beside those of
 * fields-project.md; a field in fields.yaml may not take one of them.
 */
public enum ProjectComputed {
    /** 预算执行率. */
    EXEC_RATE("pj_exec_rate", false),
    /** 执行率得分. */
    EXEC_SCORE("pj_exec_score", false),
    /** Each indicator's score: a column range beside the indicator table. */
    ROW_SCORE("pi_score", true),
    /** 总分. */
    TOTAL("pj_score_total", false),
    /** 等级. */
    GRADE("pj_grade", false);

    private final String id;
    private final boolean column;

    ProjectComputed(String id, boolean column) {
        this.id = id;
        this.column = column;
    }

    public String id() {
        return id;
    }

    /** Whether the name is a column range (one cell per indicator row) rather than one cell. */
    public boolean column() {
        return column;
    }

    /** The computed cell so named, if {@code id} names one. */
    public static java.util.Optional<ProjectComputed> named(String id) {
        return java.util.Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
