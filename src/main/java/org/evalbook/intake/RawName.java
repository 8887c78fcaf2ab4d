package org.evalbook.intake;

import java.util.List;

/**
 * A contract name as found in a return: the cells it points to (one, or a column range), any rows typed just below a
 * column range, and what is wrong with it when it cannot be followed.
 *
 * <p>Sent from a worker through {@link ReturnCodec}.
 *
 * @param below   filled cells in the rows just below a column range (read as part of the table)
 * @param problem why the name could not be followed ("" when it could)
 */
public record RawName(String name, List<RawCell> cells, List<RawCell> below, String problem) {
    public RawName {
        cells = List.copyOf(cells);
        below = List.copyOf(below);
    }
}
