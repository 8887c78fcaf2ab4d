package org.evalbook.template;

import org.evalbook.roster.Roster;
import org.evalbook.roster.RosterException;
import org.evalbook.roster.RosterRow;
import org.evalbook.signing.SigningKey;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evalbook.framework.Framework;
import org.evalbook.framework.Frameworks;

/** The sample roster's units issued at a fixed time with the public demo key, as the tests use them. */
final class Issued {
    static final Framework FRAMEWORK = Frameworks.bundled(Frameworks.DEFAULT_ID);
    static final Instant ISSUED_AT = Instant.parse("2026-01-05T02:00:00Z");
    static final Path ROSTER = Path.of("test-workbooks", "roster.xlsx");

    private Issued() {
    }

    static List<RosterRow> roster() throws IOException, RosterException {
        return Roster.read(ROSTER, FRAMEWORK).units();
    }

    static RosterRow unit(String code) throws IOException, RosterException {
        return roster().stream().filter(r -> r.unitCode().equals(code)).findFirst().orElseThrow();
    }

    static UnitIssue issue(RosterRow unit) {
        return new UnitIssue(unit.unitCode(), unit.unitName(), unit.fiscalYear(), unit.profile().orElse("default"),
                Optional.of(unit.email()), Optional.of(LocalDate.of(2026, 3, 31)), ISSUED_AT, unit.prefill());
    }

    static XSSFWorkbook workbook(String code) throws IOException, RosterException {
        UnitIssue issue = issue(unit(code));
        return TemplateWriter.workbook(FRAMEWORK, FRAMEWORK.profile(issue.profile()).orElseThrow(), Optional.of(issue),
                SigningKey.PUBLIC_DEMO);
    }
}
