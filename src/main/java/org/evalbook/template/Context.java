package org.evalbook.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.FieldDef;
import org.evalbook.framework.FieldType;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Profile;

/** What every sheet writer of one workbook shares. */
final class Context {
    final Framework framework;
    final Profile profile;
    final Optional<UnitIssue> issue;
    final XSSFWorkbook workbook;
    final Styles styles;
    final Names names;
    final ExcelFormulas formulas;
    private final List<Runnable> pending = new ArrayList<>();

    Context(Framework framework, Profile profile, Optional<UnitIssue> issue, XSSFWorkbook workbook) {
        this.framework = framework;
        this.profile = profile;
        this.issue = issue;
        this.workbook = workbook;
        this.styles = new Styles(workbook);
        this.names = new Names(workbook);
        this.formulas = IssuedFormulas.Spelling.CURRENT.formulas(framework);
    }

    /**
     * Writes a scalar field's cell and names it: the roster's value, locked, when the unit was issued one; otherwise
     * an empty input, unlocked and validated — or, for an {@link UnitIssue#EDITABLE_DEFAULTS editable default}, an
     * input holding the roster's value. In a blank template the unit's identity is an input too.
     */
    void field(Grid grid, int row, int column, FieldDef field) {
        Cell cell = grid.cell(row, column);
        Optional<BigDecimal> number = issue.flatMap(i -> i.prefill().number(field.id()));
        Optional<String> text = issue.flatMap(i -> i.prefill().text(field.id()));
        if (UnitIssue.EDITABLE_DEFAULTS.contains(field.id())) {
            text.ifPresent(cell::setCellValue);
            cell.setCellStyle(styles.input(field.type()));
            Validations.add(grid.sheet(), field, row, row, column);
        } else if (number.isPresent()) {
            cell.setCellValue(number.get().doubleValue());
            cell.setCellStyle(styles.locked(field.type()));
        } else if (text.isPresent()) {
            cell.setCellValue(text.get());
            cell.setCellStyle(styles.locked(FieldType.TEXT));
        } else if (field.prefilled() && issue.isPresent()) {
            cell.setCellStyle(styles.locked(field.type()));
        } else {
            cell.setCellStyle(styles.input(field.type()));
            Validations.add(grid.sheet(), field, row, row, column);
        }
        names.cell(field.id(), grid.sheet(), row, column);
    }

    /**
     * A computed cell: locked and named now; its formula (never an array formula: some programs re-save those in a
     * form that cannot be read back) is written by {@link #writeFormulas()} once every name it may refer to is defined.
     */
    void formula(Grid grid, int row, int column, String name, String formula, Styles.Kind kind) {
        grid.cell(row, column).setCellStyle(styles.get(kind));
        if (name != null) {
            names.cell(name, grid.sheet(), row, column);
        }
        pending.add(() -> grid.cell(row, column).setCellFormula(formula));
    }

    void writeFormulas() {
        pending.forEach(Runnable::run);
        pending.clear();
    }
}
