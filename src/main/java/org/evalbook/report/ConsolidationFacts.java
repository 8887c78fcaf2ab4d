package org.evalbook.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evalbook.check.ProjectOutcome;
import org.evalbook.consolidate.Consolidation;
import org.evalbook.consolidate.UnitResult;
import org.evalbook.consolidate.UnitStatus;
import org.evalbook.finding.Finding;
import org.evalbook.finding.FindingCode;
import org.evalbook.framework.Framework;
import org.evalbook.framework.GradeBand;
import org.evalbook.pipeline.CheckedReturn;

/** The facts of the 综述, counted from a consolidation: every number the narrative states comes from here. */
public final class ConsolidationFacts {
    private static final int NAMED = 3;
    private static final int PROBLEMS = 5;
    /** The project paragraph names fewer problems: it is one paragraph of the 综述, not a section. */
    private static final int PROJECT_PROBLEMS = 3;

    private ConsolidationFacts() {
    }

    /** The facts without a comparison with last year. */
    public static SummaryFacts of(Consolidation consolidation, Framework framework, String bureau) {
        return of(consolidation, framework, bureau, Optional.empty());
    }

    /** The facts, with this year's totals against last year's when last year's consolidated workbook was given. */
    public static SummaryFacts of(Consolidation consolidation, Framework framework, String bureau, Optional<PreviousScores> previous) {
        List<UnitResult> units = consolidation.units();
        List<UnitResult> returned = units.stream().filter(u -> u.adopted().isPresent()).toList();
        int late = (int) consolidation.count(UnitStatus.LATE);
        Optional<SummaryFacts.Delay> longest = units.stream().filter(u -> u.lateDays().isPresent())
                .max(Comparator.comparingLong(u -> u.lateDays().getAsLong()))
                .map(u -> new SummaryFacts.Delay(u.roster().unitName(), (int) u.lateDays().getAsLong()));
        List<UnitResult> scored = returned.stream().filter(u -> u.adopted().get().scores().isPresent()).toList();
        List<SummaryFacts.GradeCount> grades = new ArrayList<>();
        for (GradeBand band : framework.grades()) {
            grades.add(new SummaryFacts.GradeCount(band.grade(), (int) scored.stream()
                    .filter(u -> u.adopted().get().scores().get().grade().equals(band.grade())).count()));
        }
        Optional<BigDecimal> mean = scored.isEmpty() ? Optional.empty() : Optional.of(scored.stream()
                .map(u -> u.adopted().get().scores().get().total()).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scored.size()), 2, RoundingMode.HALF_UP));
        List<UnitResult> differing = scored.stream().filter(u -> selfTotal(u).filter(s -> s.compareTo(total(u)) != 0).isPresent()).toList();
        Optional<SummaryFacts.ScoreGap> gap = differing.stream()
                .max(Comparator.comparing(u -> selfTotal(u).get().subtract(total(u)).abs()))
                .map(u -> new SummaryFacts.ScoreGap(u.roster().unitName(), selfTotal(u).get(), total(u)));
        List<CheckedReturn> spending = returned.stream().map(u -> u.adopted().get()).filter(r -> r.figure("exp_total_final").isPresent()).toList();
        Optional<SummaryFacts.Expenditure> expenditure = spending.isEmpty() ? Optional.empty() : Optional.of(new SummaryFacts.Expenditure(
                spending.stream().map(r -> r.figure("exp_total_final").get()).reduce(BigDecimal.ZERO, BigDecimal::add), spending.size()));
        List<String> missing = units.stream().filter(u -> u.status() == UnitStatus.MISSING).map(u -> u.roster().unitName()).toList();
        List<String> resubmit = returned.stream().filter(u -> u.adopted().get().hasErrors()).map(u -> u.roster().unitName()).toList();
        int year = consolidation.year().orElse(Year.now().getValue() - 1);
        return new SummaryFacts(Year.of(year), bureau, framework.name(), consolidation.deadline().map(d -> d.toLocalDate()),
                units.size(), returned.size() - late, late, longest, named(missing), expenditure, grades, mean,
                (int) scored.stream().filter(u -> selfTotal(u).isPresent()).count(), differing.size(), gap,
                problems(returned), named(resubmit), previous.map(p -> yearOnYear(scored, p)),
                consolidation.hasProjects() ? Optional.of(projects(units, framework)) : Optional.empty());
    }

    /** The adopted project returns: funds summed over the projects that gave them, grades, self-scores, problems. */
    private static ProjectFacts projects(List<UnitResult> units, Framework framework) {
        List<CheckedReturn> returns = units.stream().flatMap(u -> u.project().stream()).toList();
        List<ProjectOutcome> projects = returns.stream().flatMap(r -> r.projects().stream()).toList();
        ProjectFunds tally = new ProjectFunds();
        projects.forEach(tally::add);
        List<ProjectFacts.Funds> funds = new ArrayList<>();
        funds(tally, ProjectFunds.FULL, "全年预算数").ifPresent(funds::add);
        funds(tally, ProjectFunds.EXEC, "全年执行数").ifPresent(funds::add);
        Optional<ProjectFacts.Rate> rate = tally.rate().map(r -> new ProjectFacts.Rate(r, tally.rated()));
        Map<String, Integer> byGrade = new java.util.LinkedHashMap<>();
        framework.grades().forEach(g -> byGrade.put(g.grade(), 0));
        projects.forEach(p -> byGrade.merge(p.score().grade(), 1, Integer::sum));
        List<ProjectFacts.GradeCount> grades = byGrade.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new ProjectFacts.GradeCount(e.getKey(), e.getValue())).toList();
        List<BigDecimal> excess = projects.stream().flatMap(p -> p.selfTotal().map(s -> s.subtract(p.score().total())).stream())
                .filter(d -> d.signum() > 0).toList();
        int selfAssessed = (int) projects.stream().filter(p -> p.selfTotal().isPresent()).count();
        int resubmit = (int) returns.stream().filter(CheckedReturn::hasErrors).count();
        return new ProjectFacts(returns.size(), projects.size(), funds, rate, grades, selfAssessed, excess.size(),
                excess.stream().max(BigDecimal::compareTo), projectProblems(returns), resubmit);
    }

    /** One amount summed over the projects that gave it; absent when none did (a blank is not 0). */
    private static Optional<ProjectFacts.Funds> funds(ProjectFunds tally, int amount, String label) {
        return tally.sum(amount).map(sum -> new ProjectFacts.Funds(label, sum, tally.given(amount)));
    }

    /** The project returns' most frequent errors and warnings: errors first, then by units, then by findings. */
    private static List<ProjectFacts.Problem> projectProblems(List<CheckedReturn> returns) {
        Map<FindingCode, Integer> units = new EnumMap<>(FindingCode.class);
        Map<FindingCode, Integer> findings = new EnumMap<>(FindingCode.class);
        Set<FindingCode> errors = java.util.EnumSet.noneOf(FindingCode.class);
        for (CheckedReturn project : returns) {
            Set<FindingCode> inThisUnit = java.util.EnumSet.noneOf(FindingCode.class);
            for (Finding finding : project.findings()) {
                if (finding.severity() == org.evalbook.finding.Severity.INFO) {
                    continue;
                }
                findings.merge(finding.code(), 1, Integer::sum);
                inThisUnit.add(finding.code());
                if (finding.severity() == org.evalbook.finding.Severity.ERROR) {
                    errors.add(finding.code());
                }
            }
            inThisUnit.forEach(code -> units.merge(code, 1, Integer::sum));
        }
        return units.keySet().stream()
                .sorted(Comparator.comparing((FindingCode code) -> !errors.contains(code))
                        .thenComparing(units::get, Comparator.reverseOrder())
                        .thenComparing(findings::get, Comparator.reverseOrder()).thenComparing(Comparator.naturalOrder()))
                .limit(PROJECT_PROBLEMS)
                .map(code -> new ProjectFacts.Problem(code, units.get(code), findings.get(code)))
                .toList();
    }

    /** Over the units scored this year that had a total last year; the largest change by size, first in roster order. */
    private static SummaryFacts.YearOnYear yearOnYear(List<UnitResult> scored, PreviousScores previous) {
        int compared = 0;
        int rose = 0;
        int fell = 0;
        Optional<SummaryFacts.Change> largest = Optional.empty();
        for (UnitResult unit : scored) {
            String code = unit.roster().unitCode();
            Optional<BigDecimal> change = previous.change(code, Optional.of(total(unit)));
            if (change.isEmpty()) {
                continue;
            }
            compared++;
            int sign = change.get().signum();
            rose += sign > 0 ? 1 : 0;
            fell += sign < 0 ? 1 : 0;
            if (sign != 0 && largest.map(l -> change.get().abs().compareTo(l.difference().abs()) > 0).orElse(true)) {
                largest = Optional.of(new SummaryFacts.Change(unit.roster().unitName(), previous.total(code).get(), total(unit)));
            }
        }
        return new SummaryFacts.YearOnYear(compared, rose, fell, largest);
    }

    /** The most frequent problems among the adopted returns' errors and warnings: units, findings, named examples. */
    private static List<SummaryFacts.Problem> problems(List<UnitResult> returned) {
        Map<FindingCode, Set<String>> units = new EnumMap<>(FindingCode.class);
        Map<FindingCode, Integer> findings = new EnumMap<>(FindingCode.class);
        Set<FindingCode> errors = java.util.EnumSet.noneOf(FindingCode.class);
        for (UnitResult unit : returned) {
            for (Finding finding : unit.adopted().get().findings()) {
                if (finding.severity() == org.evalbook.finding.Severity.INFO) {
                    continue;
                }
                units.computeIfAbsent(finding.code(), k -> new LinkedHashSet<>()).add(unit.roster().unitName());
                findings.merge(finding.code(), 1, Integer::sum);
                if (finding.severity() == org.evalbook.finding.Severity.ERROR) {
                    errors.add(finding.code());
                }
            }
        }
        // Errors first (they decide who must resubmit), then the most widespread.
        return units.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<FindingCode, Set<String>> e) -> !errors.contains(e.getKey()))
                        .thenComparing(e -> e.getValue().size(), Comparator.reverseOrder())
                        .thenComparing(e -> findings.get(e.getKey()), Comparator.reverseOrder()).thenComparing(Map.Entry::getKey))
                .limit(PROBLEMS)
                .map(e -> new SummaryFacts.Problem(e.getKey(), e.getValue().size(), findings.get(e.getKey()),
                        e.getValue().stream().limit(NAMED).toList()))
                .toList();
    }

    private static SummaryFacts.NamedUnits named(List<String> names) {
        return new SummaryFacts.NamedUnits(names.size(), names.stream().limit(NAMED).toList());
    }

    private static BigDecimal total(UnitResult unit) {
        return unit.adopted().get().scores().get().total();
    }

    private static Optional<BigDecimal> selfTotal(UnitResult unit) {
        return unit.adopted().get().figure("self_total");
    }
}
