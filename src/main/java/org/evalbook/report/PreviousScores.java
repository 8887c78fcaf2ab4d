package org.evalbook.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Last year's recomputed totals (核定总分, points out of 100, 2 decimals) by 单位代码, from the 汇总 sheet of the
 * consolidated workbook evalbook wrote last year ({@code --previous}). A unit that was listed but not scored last year
 * has a blank total; a unit not listed has none. A blank is never 0: a change is stated only when both years have a
 * total.
 */
public final class PreviousScores {
    private static final int SCALE = 2;

    private final Path file;
    private final Map<String, Optional<BigDecimal>> totals;

    PreviousScores(Path file, Map<String, Optional<BigDecimal>> totals) {
        this.file = file;
        this.totals = Map.copyOf(totals);
    }

    /**
     * Reads the 汇总 sheet by its header names, so a workbook re-saved by Excel, WPS or LibreOffice still reads.
     * Reading is bounded in file size, bytes inflated and rows.
     *
     * @throws PreviousYearException when the file is not a consolidated workbook of evalbook's or cannot be read; the
     *                               message names the file and the fix
     */
    public static PreviousScores read(Path file) throws PreviousYearException {
        return new PreviousScores(file, PreviousWorkbook.totals(file));
    }

    /** The file read, as the user named it. */
    Path file() {
        return file;
    }

    /** Last year's total of the unit, absent when the unit was not listed or not scored last year. */
    Optional<BigDecimal> total(String unitCode) {
        return totals.getOrDefault(unitCode, Optional.empty());
    }

    /** This year's total minus last year's, 2 decimals; absent when either is blank. */
    Optional<BigDecimal> change(String unitCode, Optional<BigDecimal> current) {
        return current.flatMap(now -> total(unitCode).map(before -> now.subtract(before).setScale(SCALE, RoundingMode.HALF_UP)));
    }
}
