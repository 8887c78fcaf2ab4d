package org.evalbook.consolidate;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import org.evalbook.pipeline.CheckedReturn;
import org.evalbook.roster.RosterRow;

/**
 * One roster unit at the deadline: its status and, when it returned one, its adopted return.
 *
 * @param received when the adopted return was received
 * @param lateDays whole days after the deadline (started days count), for a late return
 * @param matchedBy how the return was matched to the unit (签名 meta, 单位代码, 单位名称), "" when none
 * @param project   the unit's adopted project return (项目支出绩效自评表), a submission of its own beside the 部门整体支出
 *                  one: {@code status}, {@code received} and {@code adopted} are about the 部门整体支出 return only
 */
public record UnitResult(RosterRow roster, UnitStatus status, Optional<LocalDateTime> received, OptionalLong lateDays,
                         Optional<CheckedReturn> adopted, String matchedBy, Optional<CheckedReturn> project) {

    /** A unit with no project return. */
    public UnitResult(RosterRow roster, UnitStatus status, Optional<LocalDateTime> received, OptionalLong lateDays,
                      Optional<CheckedReturn> adopted, String matchedBy) {
        this(roster, status, received, lateDays, adopted, matchedBy, Optional.empty());
    }

    /** The same unit with its adopted project return. */
    public UnitResult withProject(CheckedReturn adoptedProject) {
        return new UnitResult(roster, status, received, lateDays, adopted, matchedBy, Optional.of(adoptedProject));
    }
}
