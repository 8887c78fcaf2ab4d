package org.evalbook.framework;

/** What an indicator scores when its ratio is 0/0, x/0 or has blank inputs. */
public enum EdgePolicy {
    /** Full marks. */
    FULL("满分"),
    /** No points. */
    ZERO("0 分"),
    /** Dropped; the total is rescaled over the indicators that apply. */
    NOT_APPLICABLE("不适用");

    private final String label;

    EdgePolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
