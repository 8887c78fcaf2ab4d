package org.evalbook.check;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.framework.DefinedName;
import org.evalbook.framework.FieldContract;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Indicator;
import org.evalbook.framework.TableDef;

/**
 * A loaded framework's look-ups the checks make for every return — a field by id, a name's label and unit, an
 * indicator's display name, the reading order — built once per framework ({@link PerRules}) rather than by scanning
 * its lists or deriving the field contract again for each return.
 */
final class FrameworkIndex {
    private static final PerRules<FrameworkIndex> BUILT = new PerRules<>();

    // Unmodifiable views, not copies: a null label or unit reads as it did from the maps the checks built per return.
    /** A defined name's label as a unit sees it, by id (the catalogue's indicator names). */
    final Map<String, String> labels;
    /** A defined name's unit (万元, %, 人 …), by id. */
    final Map<String, String> units;
    /** An indicator's name as labels show it, by indicator id ({@link FieldContract#displayNames}). */
    final Map<String, String> displayNames;
    /** An indicator's catalogue name, by indicator id. */
    final Map<String, String> catalogueNames;
    final ReadingOrder order;
    /** As {@link Framework#field}: a field of that id, else a table column of that id. */
    private final Map<String, FieldDef> fields;
    /** As {@link Framework#table} and {@link Framework#tableOf}: the first table of that id, holding that column. */
    private final Map<String, TableDef> tables;
    private final Map<String, TableDef> tablesOfColumns;

    private FrameworkIndex(Framework framework) {
        Map<String, String> labelsById = new HashMap<>();
        Map<String, String> unitsById = new HashMap<>();
        List<DefinedName> contract = FieldContract.of(framework);
        contract.forEach(n -> {
            labelsById.put(n.id(), n.label());
            unitsById.put(n.id(), n.unit());
        });
        this.labels = Collections.unmodifiableMap(labelsById);
        this.units = Collections.unmodifiableMap(unitsById);
        this.displayNames = Collections.unmodifiableMap(FieldContract.displayNames(framework.indicators()));
        Map<String, String> names = new HashMap<>();
        for (Indicator indicator : framework.indicators()) {
            names.putIfAbsent(indicator.id(), indicator.name());
        }
        this.catalogueNames = Collections.unmodifiableMap(names);
        Map<String, FieldDef> byId = new HashMap<>();
        framework.fields().forEach(f -> byId.putIfAbsent(f.id(), f));
        for (TableDef table : framework.tables()) {
            table.columns().forEach(c -> byId.putIfAbsent(c.id(), c));
        }
        this.fields = Collections.unmodifiableMap(byId);
        Map<String, TableDef> tablesById = new HashMap<>();
        Map<String, TableDef> byColumn = new HashMap<>();
        for (TableDef table : framework.tables()) {
            tablesById.putIfAbsent(table.id(), table);
            table.columns().forEach(c -> byColumn.putIfAbsent(c.id(), table));
        }
        this.tables = Collections.unmodifiableMap(tablesById);
        this.tablesOfColumns = Collections.unmodifiableMap(byColumn);
        this.order = new ReadingOrder(framework);
    }

    static FrameworkIndex of(Framework framework) {
        return BUILT.get(framework, null, () -> new FrameworkIndex(framework));
    }

    /** The same answer as {@link Framework#field}, by a look-up. */
    Optional<FieldDef> field(String id) {
        return Optional.ofNullable(fields.get(id));
    }

    /** The same answer as {@link Framework#table}, by a look-up. */
    Optional<TableDef> table(String id) {
        return Optional.ofNullable(tables.get(id));
    }

    /** The same answer as {@link Framework#tableOf}, by a look-up. */
    Optional<TableDef> tableOf(String column) {
        return Optional.ofNullable(tablesOfColumns.get(column));
    }
}
