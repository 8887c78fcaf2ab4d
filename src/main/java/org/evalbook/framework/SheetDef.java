package org.evalbook.framework;

import java.util.List;

/**
 * One sheet of the issued workbook, in workbook order ({@code framework.yaml}: sheets).
 *
 * @param tables      the tables written on it: the one table of a {@link SheetKind#TABLE} sheet, those placed below
 *                    the fields of the {@link SheetKind#BASE_DATA} sheet; else none
 * @param wideColumns table columns written in the sheet's wide label column (the longest text must fit there)
 * @param note        the line under the title telling the unit how to fill the sheet; empty when none
 */
public record SheetDef(String name, SheetKind kind, List<String> tables, List<String> wideColumns, String note) {
    public SheetDef {
        tables = List.copyOf(tables);
        wideColumns = List.copyOf(wideColumns);
        note = note == null ? "" : note;
    }
}
