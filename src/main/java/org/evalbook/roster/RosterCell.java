package org.evalbook.roster;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One cell of a roster, whatever file it came from.
 *
 * @param address where a person finds it, as Excel names cells (A2), for CSV too
 * @param text    what the cell shows, spaces of every width trimmed
 * @param number  the value of a cell typed as a number in a workbook; empty for text and for every CSV cell
 */
record RosterCell(String address, String text, Optional<BigDecimal> number) {
    /** A cell as shown: ideographic and non-breaking spaces count as spaces, and spaces around it do not count. */
    static RosterCell of(String address, String shown, Optional<BigDecimal> number) {
        return new RosterCell(address, shown.replace('\u3000', ' ').replace('\u00a0', ' ').strip(), number);
    }

    static RosterCell blank(String address) {
        return new RosterCell(address, "", Optional.empty());
    }

    boolean isBlank() {
        return text.isEmpty();
    }

    /** Typed as a number: what it shows may have lost leading zeros. */
    boolean isNumeric() {
        return number.isPresent();
    }
}
