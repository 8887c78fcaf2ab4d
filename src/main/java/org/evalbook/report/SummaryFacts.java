package org.evalbook.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.evalbook.finding.FindingCode;

/**
 * Everything the 综述 of a consolidated batch states, as data: {@link SummaryNarrative} only words it. Amounts are in
 * 万元, scores in points out of 100; both are rendered with two decimals. Counts are units (家) unless said otherwise.
 * The compact constructor refuses facts that contradict each other, so the text never states two different totals.
 *
 * @param year             the evaluation year (the year the units' spending is evaluated for)
 * @param bureau           the bureau running the evaluation, e.g. 衡阳市珠晖区财政局
 * @param framework        the framework's name, e.g. 部门整体支出绩效评价
 * @param deadline         the return deadline, when one was set at issue
 * @param issued           units a workbook was issued to
 * @param onTime           units that returned by the deadline (all returns when there is no deadline)
 * @param late             units that returned after the deadline
 * @param longestDelay     the latest return; present exactly when {@code late > 0}
 * @param missing          units that have not returned, a few of them named
 * @param expenditure      Σ 本年支出决算数 over the returns that state it; absent when none does (a blank is never 0)
 * @param grades           recomputed grades in the framework's band order, each with its number of units (0 allowed)
 * @param meanScore        mean recomputed total over the scored units; present exactly when some unit was scored
 * @param selfAssessed     scored units whose return states a self-assessed total (the others cannot be compared)
 * @param selfScoreDiffers scored units whose self-assessed total differs from the recomputed one
 * @param largestGap       the unit with the largest difference; present exactly when {@code selfScoreDiffers > 0}
 * @param problems         the most frequent problems, most frequent first
 * @param resubmit         units whose return has errors and must be corrected and returned again, a few named
 * @param yearOnYear       this year's recomputed totals against last year's; present exactly when last year's
 *                         consolidated workbook was given
 * @param projects         the project self-evaluations (项目支出绩效自评表); present exactly when some were adopted
 */
public record SummaryFacts(Year year, String bureau, String framework, Optional<LocalDate> deadline, int issued,
                           int onTime, int late, Optional<Delay> longestDelay, NamedUnits missing,
                           Optional<Expenditure> expenditure, List<GradeCount> grades, Optional<BigDecimal> meanScore,
                           int selfAssessed, int selfScoreDiffers, Optional<ScoreGap> largestGap, List<Problem> problems,
                           NamedUnits resubmit, Optional<YearOnYear> yearOnYear, Optional<ProjectFacts> projects) {

    /** The facts of a batch without project returns. */
    public SummaryFacts(Year year, String bureau, String framework, Optional<LocalDate> deadline, int issued,
                        int onTime, int late, Optional<Delay> longestDelay, NamedUnits missing,
                        Optional<Expenditure> expenditure, List<GradeCount> grades, Optional<BigDecimal> meanScore,
                        int selfAssessed, int selfScoreDiffers, Optional<ScoreGap> largestGap, List<Problem> problems,
                        NamedUnits resubmit, Optional<YearOnYear> yearOnYear) {
        this(year, bureau, framework, deadline, issued, onTime, late, longestDelay, missing, expenditure, grades, meanScore,
                selfAssessed, selfScoreDiffers, largestGap, problems, resubmit, yearOnYear, Optional.empty());
    }

    public SummaryFacts {
        Objects.requireNonNull(year, "year");
        bureau = text(bureau, "bureau");
        framework = text(framework, "framework");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(expenditure, "expenditure");
        Objects.requireNonNull(meanScore, "meanScore");
        Objects.requireNonNull(resubmit, "resubmit");
        Objects.requireNonNull(yearOnYear, "yearOnYear");
        Objects.requireNonNull(projects, "projects");
        grades = List.copyOf(grades);
        problems = List.copyOf(problems);
        require(onTime >= 0 && late >= 0 && onTime + late + missing.count() == issued,
                "on time + late + missing must equal issued");
        require(longestDelay.isPresent() == (late > 0), "a longest delay exactly when some return is late");
        int returned = onTime + late;
        require(expenditure.map(e -> e.units() <= returned).orElse(true), "expenditure summed over more than returned");
        int scored = grades.stream().mapToInt(GradeCount::units).sum();
        require(scored <= returned, "more units graded than returned");
        require(meanScore.isPresent() == (scored > 0), "a mean score exactly when some unit was scored");
        require(selfAssessed >= 0 && selfAssessed <= scored, "self-assessed units must be among the scored");
        require(selfScoreDiffers >= 0 && selfScoreDiffers <= selfAssessed, "self-score differences must be among the self-assessed");
        require(largestGap.isPresent() == (selfScoreDiffers > 0), "a largest gap exactly when some self-score differs");
        require(problems.stream().allMatch(p -> p.units() <= returned), "a problem in more units than returned");
        require(resubmit.count() <= returned, "more units to resubmit than returned");
        require(yearOnYear.map(y -> y.compared() <= scored).orElse(true), "more units compared with last year than scored");
        require(projects.map(p -> p.units() <= issued).orElse(true), "more units returned projects than were issued");
    }

    /** Units that returned a workbook, on time or late. */
    public int returned() {
        return onTime + late;
    }

    /** Units whose return was recomputed and graded. */
    public int scored() {
        return grades.stream().mapToInt(GradeCount::units).sum();
    }

    /** A number of units, with up to a few of them named (the summary writes "甲、乙等 N 家" when not all are). */
    public record NamedUnits(int count, List<String> names) {
        public NamedUnits {
            names = List.copyOf(names);
            names.forEach(name -> text(name, "unit name"));
            require(count >= 0 && names.size() <= count, "names must not outnumber the count");
            require(count == 0 || !names.isEmpty(), "at least one unit is named when the count is not 0");
        }

        public static NamedUnits none() {
            return new NamedUnits(0, List.of());
        }

        /** Whether every unit counted is named. */
        public boolean allNamed() {
            return names.size() == count;
        }
    }

    /** The return that came in latest, and how many calendar days after the deadline. */
    public record Delay(String unit, int days) {
        public Delay {
            unit = text(unit, "unit");
            require(days >= 1, "a late return is at least one day late");
        }
    }

    /** Σ 本年支出决算数 (万元) over the {@code units} returns that state it. */
    public record Expenditure(BigDecimal total, int units) {
        public Expenditure {
            Objects.requireNonNull(total, "total");
            require(units >= 1, "an expenditure total sums at least one return");
        }
    }

    /** A recomputed grade (优, 良, 中, 差 as the framework names them) and how many units got it. */
    public record GradeCount(String grade, int units) {
        public GradeCount {
            grade = text(grade, "grade");
            require(units >= 0, "a grade count is not negative");
        }
    }

    /** A unit's self-assessed total against the recomputed one (points). */
    public record ScoreGap(String unit, BigDecimal selfTotal, BigDecimal recomputedTotal) {
        public ScoreGap {
            unit = text(unit, "unit");
            Objects.requireNonNull(selfTotal, "selfTotal");
            Objects.requireNonNull(recomputedTotal, "recomputedTotal");
            require(selfTotal.compareTo(recomputedTotal) != 0, "a gap needs two different totals");
        }

        /** Self minus recomputed: positive when the unit scored itself higher. */
        public BigDecimal difference() {
            return selfTotal.subtract(recomputedTotal);
        }
    }

    /**
     * A problem found in the batch: a finding code, how many units it was found in, how many findings in all, and a
     * few of those units named.
     */
    public record Problem(FindingCode code, int units, int findings, List<String> examples) {
        public Problem {
            Objects.requireNonNull(code, "code");
            examples = List.copyOf(examples);
            examples.forEach(name -> text(name, "unit name"));
            require(units >= 1 && findings >= units, "a problem is found at least once in each unit it counts");
            require(!examples.isEmpty() && examples.size() <= units, "one to all of the units are named");
        }

        /** The code's Chinese title, as the findings list shows it. */
        public String title() {
            return code.title();
        }
    }

    /**
     * This year's recomputed totals against last year's, over the {@code compared} units scored in both years (points).
     *
     * @param largest the unit whose total changed most (the first in roster order on a tie); present exactly when some
     *                total changed
     */
    public record YearOnYear(int compared, int rose, int fell, Optional<Change> largest) {
        public YearOnYear {
            Objects.requireNonNull(largest, "largest");
            require(rose >= 0 && fell >= 0 && rose + fell <= compared, "risen and fallen are among the compared");
            require(largest.isPresent() == (rose + fell > 0), "a largest change exactly when some total changed");
        }

        /** Units whose total is the same as last year's. */
        public int unchanged() {
            return compared - rose - fell;
        }
    }

    /** A unit's recomputed total last year and this year (points). */
    public record Change(String unit, BigDecimal previous, BigDecimal current) {
        public Change {
            unit = text(unit, "unit");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(current, "current");
            require(previous.compareTo(current) != 0, "a change needs two different totals");
        }

        /** This year minus last year: positive when the total rose. */
        public BigDecimal difference() {
            return current.subtract(previous);
        }
    }

    private static String text(String value, String what) {
        Objects.requireNonNull(value, what);
        require(!value.isBlank(), what + " must not be blank");
        return value.strip();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
