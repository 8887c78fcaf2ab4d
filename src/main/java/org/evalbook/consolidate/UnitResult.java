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
 */
public record UnitResult(RosterRow roster, UnitStatus status, Optional<LocalDateTime> received, OptionalLong lateDays,
                         Optional<CheckedReturn> adopted, String matchedBy) {
}
