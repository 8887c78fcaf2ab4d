package org.evalbook.framework;

import java.util.List;

/**
 * A table the unit adds rows to; each column is a named column range, the i-th cells form row i.
 *
 * @param sheet    the sheet of the issued workbook the table stands on
 * @param minRows  the issued range has room for at least this many rows
 * @param required at least one row must be filled
 */
public record TableDef(String id, String label, String sheet, int minRows, boolean required, List<FieldDef> columns) {
    public TableDef {
        columns = List.copyOf(columns);
    }
}
