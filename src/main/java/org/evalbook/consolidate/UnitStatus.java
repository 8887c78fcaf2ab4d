package org.evalbook.consolidate;

/** A roster unit at the deadline. */
public enum UnitStatus {
    ON_TIME("按时报送"),
    LATE("逾期报送"),
    /** Returned, with no deadline given to judge it by. */
    RETURNED("已报送"),
    MISSING("未报送");

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
