package org.evalbook.consolidate;

import java.math.BigDecimal;
import java.util.Objects;

/** A unit whose value lies beyond the IQR fences of its column, and on which side. */
public record Outlier(String unit, BigDecimal value, Side side) {

    /** Which fence the value is beyond, with the word the consolidated workbook shows. */
    public enum Side {
        /** Below Q1 − 1.5·IQR. */
        LOW("偏低"),
        /** Above Q3 + 1.5·IQR. */
        HIGH("偏高");

        private final String word;

        Side(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public Outlier {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(side, "side");
    }
}
