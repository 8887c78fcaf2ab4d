package org.evalbook.framework;

import java.util.List;

/**
 * A table the unit adds rows to; each column is a named column range, the i-th cells form row i.
 *
 * @param minRows  the issued range has room for at least this many rows
 * @param required at least one row must be filled
 */
public record TableDef(String id, String label, int minRows, boolean required, List<FieldDef> columns) {
    public TableDef {
        columns = List.copyOf(columns);
    }
}
