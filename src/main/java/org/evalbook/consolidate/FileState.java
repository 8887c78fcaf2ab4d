package org.evalbook.consolidate;

/** Where each received file ends up in a consolidation: exactly one of these, with its reason. */
public enum FileState {
    /** The unit's current return: its figures, scores and findings are the unit's. */
    ADOPTED("已采用"),
    /** An older return of the same unit, or a byte-identical copy of the adopted one. */
    SUPERSEDED("被替代"),
    /** A readable return for a unit that is not in the roster. */
    UNMATCHED("未匹配"),
    /** Unreadable, hostile or not the bureau's workbook. */
    REFUSED("已拒收"),
    /** Not a return, on purpose: lock files, hidden files, evalbook's own outputs, attachments. */
    IGNORED("已忽略");

    private final String label;

    FileState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
