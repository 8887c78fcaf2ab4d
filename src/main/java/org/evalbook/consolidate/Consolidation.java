package org.evalbook.consolidate;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evalbook.pipeline.CheckedReturn;

/**
 * Everything that came back, against the roster: one result per roster unit (in roster order), every received file
 * with its state, and the valid returns of units not in the roster.
 */
public record Consolidation(Optional<LocalDateTime> deadline, List<UnitResult> units, List<ReceivedFile> files,
                            List<CheckedReturn> unmatched) {
    public Consolidation {
        units = List.copyOf(units);
        files = List.copyOf(files);
        unmatched = List.copyOf(unmatched);
    }

    /** How many files ended in each state; their sum is the number of files received. */
    public Map<FileState, Long> counts() {
        Map<FileState, Long> counts = new EnumMap<>(FileState.class);
        for (FileState state : FileState.values()) {
            counts.put(state, files.stream().filter(f -> f.state() == state).count());
        }
        return counts;
    }

    /** The evaluation year the 综述 and the workbook state: the latest in the roster; empty for an empty roster. */
    public java.util.OptionalInt year() {
        return units.stream().mapToInt(u -> u.roster().fiscalYear()).max();
    }

    /** Whether any project return (项目支出绩效自评表) was adopted: only then do the project sheet and paragraph appear. */
    public boolean hasProjects() {
        return units.stream().anyMatch(u -> u.project().isPresent());
    }

    /**
     * Whether the run received any readable project return, adopted or not: only then does 报送情况 say, unit by unit,
     * whether one came (a bureau that did not issue the project form must not see every unit marked as not returning it).
     */
    public boolean projectFormReceived() {
        return hasProjects() || unmatched.stream().anyMatch(r -> r.form() == org.evalbook.check.ReturnForm.PROJECT);
    }

    public long count(UnitStatus status) {
        return units.stream().filter(u -> u.status() == status).count();
    }
}
